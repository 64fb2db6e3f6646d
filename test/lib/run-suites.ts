// Runs suite modules the way uvu's own CLI does: deferred, each file its own group, then one exec().
// uvu's auto-run would start executing as soon as the first imported suite registers.
type Queue = Array<Array<unknown>>;

export async function runSuites(files: ReadonlyArray<readonly [name: string, load: () => Promise<unknown>]>): Promise<void> {
  const g = globalThis as { UVU_DEFER?: number; UVU_QUEUE?: Queue; UVU_INDEX?: number };
  g.UVU_DEFER = 1;
  g.UVU_QUEUE = [];
  const { exec } = await import('uvu');
  for (let i = 0; i < files.length; i++) {
    g.UVU_INDEX = i;
    g.UVU_QUEUE.push([files[i][0]]);
    await files[i][1]();
  }
  await exec(false);
}
