import { byId, clear, h } from './dom.ts';

/**
 * Show a message banner above the page (errors in a role=alert region), with an
 * optional list of details (e.g. every bad path of a shared link) and a dismiss button.
 */
export function showMessages(kind: 'error' | 'info', title: string, details: string[] = []): void {
  const host = byId('messages');
  clear(host);
  const box = h('div', { class: `message message-${kind}`, 'data-kind': kind },
    h('strong', {}, title),
    details.length ? h('ul', {}, ...details.slice(0, 20).map((d) => h('li', {}, d))) : null,
    details.length > 20 ? h('p', {}, `… and ${details.length - 20} more`) : null,
    h('button', { type: 'button', class: 'dismiss', 'aria-label': 'Dismiss message', onclick: () => clear(host) }, '×'));
  host.append(box);
}
