/**
 * English beside the Chinese names of phases and programmes (phaseName), from a small
 * glossary kept in the visualizer (GLOSSARY), so the scenario files keep their own labels.
 */

/** English gloss of the Chinese programme and product names the catalog's phases and entries use. */
export const GLOSSARY: Record<string, string> = {
  号店一体: 'account = store',
  小红星: 'Little Red Star: Taobao data sharing',
  小红盟: 'Little Red Alliance: JD data sharing',
  品号店群直广: 'brand, account and store-group direct ads',
  聚光: 'Juguang ad platform',
  乘风: 'Chengfeng ad tool',
  红猫计划: 'Red Cat plan',
  种草星河: 'Seeding Galaxy full-funnel data',
  红京计划: 'Red–JD plan',
  红京: 'Red–JD',
  福利社: "RED's own retail store",
  小绿洲: 'Little Oasis',
  买手: 'buyer-led selling',
  逛逛: "Taobao's Guangguang content feed",
};

const CJK = /[\u3400-\u9fff]+/g;

/**
 * A phase or entry label with an English gloss after every Chinese name that does not
 * already have one: "2021-08 links cut, 号店一体" → "2021-08 links cut, 号店一体 (account = store)".
 * A name already in parentheses after English ("Red Cat (红猫计划)") is left as it is; a name
 * not in the glossary is left alone.
 */
export function phaseName(label: string): string {
  return label.replace(CJK, (zh, at: number, s: string) => {
    if (s[at - 1] === '(' && s[at + zh.length] === ')') return zh;
    const en = GLOSSARY[zh];
    return en && !s.includes(`${zh} (${en}`) ? `${zh} (${en})` : zh;
  });
}

/** Dated market events that are not policy entries but are marked on the timeline (◆). */
export interface MarketEvent { date: string; short: string; text: string }

/**
 * Events marked on the timeline. The 2018 phase of the historical scenario names the Alibaba
 * investment; its date (June 2018: the US$300M+ series D round led by Alibaba, with Temasek,
 * Tencent and others) is marked here.
 */
export const MARKET_EVENTS: readonly MarketEvent[] = [
  { date: '2018-06-01', short: 'Alibaba invests', text: 'Jun 2018 · Alibaba leads a US$300M round in RED (阿里巴巴领投, series D with Temasek and Tencent): the start of RED–Taobao ties' },
];
