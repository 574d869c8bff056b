import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const text = readFileSync(join(import.meta.dirname, '../../docs/cluster.md'), 'utf8');
const blocks = (lang: string) => [...text.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);

/** The Kubernetes Job manifest of docs/cluster.md, parsed. */
const job = parse(blocks('yaml')[0]);
const container = job.spec.template.spec.containers[0];
const command: string[] = container.command;

/** What docs/cluster.md ships: the Job manifest, its container command, and the Slurm array script. */
export const clusterDoc = {
  job,
  jobCommand: command,
  /** The --out directory of the Job's command. */
  jobOut: command[command.indexOf('--out') + 1],
  jobEnv: Object.fromEntries((container.env as { name: string; value: string }[]).map((e) => [e.name, e.value])),
  slurmScript: blocks('bash').find((b) => b.startsWith('#!/bin/bash'))!,
};
