interface HostArgs {
  dataDir: string | null;
  port: number | null;
  rendererDir: string | null;
  /** An Electron-ABI build of better-sqlite3 for development runs of the app (see scripts/start.mjs). */
  sqliteBinding: string | null;
}

/** `--data <dir>`, `--port <n>`, `--renderer <dir>`, or TOWNSHIP_DESK_DATA / TOWNSHIP_DESK_PORT. */
export function parseHostArgs(argv: readonly string[], env: NodeJS.ProcessEnv): HostArgs {
  const value = (flag: string): string | null => {
    const index = argv.indexOf(flag);
    if (index >= 0 && index + 1 < argv.length) return argv[index + 1]!;
    const inline = argv.find((arg) => arg.startsWith(`${flag}=`));
    return inline ? inline.slice(flag.length + 1) : null;
  };
  const portText = value('--port') ?? env.TOWNSHIP_DESK_PORT ?? null;
  const port = portText === null ? null : Number(portText);
  if (port !== null && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    throw new Error(`--port must be a whole number from 0 to 65535, not ${portText}`);
  }
  return {
    dataDir: value('--data') ?? env.TOWNSHIP_DESK_DATA ?? null,
    port,
    rendererDir: value('--renderer') ?? null,
    sqliteBinding: value('--sqlite-binding') ?? null,
  };
}
