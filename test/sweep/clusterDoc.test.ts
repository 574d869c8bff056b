import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { clusterDoc } from './clusterDoc.ts';

describe('docs/cluster.md', () => {
  it('ships a Kubernetes Indexed Job whose slice count matches its completions and whose pods run the sweep command', () => {
    const { job, jobCommand, jobEnv, jobOut } = clusterDoc;
    expect([job.apiVersion, job.kind, job.spec.completionMode]).toEqual(['batch/v1', 'Job', 'Indexed']);
    expect(jobEnv.MARKET_SIM_SHARD_COUNT).toBe(String(job.spec.completions));
    expect(job.spec.template.spec.restartPolicy).toBe('Never');
    expect(jobCommand.slice(0, 4)).toEqual(['npx', 'market-sim', 'sweep', 'scenarios/sweeps/historical-200.json']);
    const mount = job.spec.template.spec.containers[0].volumeMounts[0].mountPath;
    expect(jobOut.startsWith(`${mount}/`)).toBe(true); // results land on the shared volume
    expect(job.spec.template.spec.volumes[0].name).toBe(job.spec.template.spec.containers[0].volumeMounts[0].name);
  });

  it('ships a Slurm array script that bash accepts and that runs the same sweep command', () => {
    const s = clusterDoc.slurmScript;
    expect(spawnSync('bash', ['-n'], { input: s }).status).toBe(0);
    expect(s).toMatch(/^#SBATCH --array=0-\d+$/m);
    expect(s).toContain('exec npx market-sim sweep "$SWEEP" --out "$OUT"');
  });
});
