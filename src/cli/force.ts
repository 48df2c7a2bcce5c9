/** The `--force` option of every command that writes (the rules it relaxes are in logs/outputs.ts and logs/outputFolder.ts). */
export const FORCE_OPTION = {
  type: 'boolean',
  describe: 'replace an existing output that ccsim would otherwise refuse to replace (a log, a folder or file ccsim did not write); never one of the inputs',
} as const;
