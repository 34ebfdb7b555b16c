// The embedded database's start failures: one line each (Chinese, then
// English) that names the cause and the remedy.

/** A start failure with a one-line message (Chinese, then English) that names the cause and the remedy. */
export class EmbeddedDatabaseError extends Error {}

/** The first line of a message, trimmed and capped: a reason to quote inside one line. */
export function firstLine(text: string): string {
  return text.trim().split('\n')[0]?.trim().slice(0, 300) ?? '';
}

/** Why PostgreSQL did not start: a failed exec, a port in use, or its last FATAL/PANIC/ERROR line. */
export function startFailure(port: number, recent: string[], spawnErrors: Error[], error: unknown): EmbeddedDatabaseError {
  const spawnError = spawnErrors[0];
  if (spawnError) {
    return new EmbeddedDatabaseError(
      `内嵌 PostgreSQL 无法运行（${spawnError.message}）：请检查运行它的系统用户（以 root 启动时为 postgres）能否进入其程序所在的各级文件夹。 ` +
        `Embedded PostgreSQL could not be run (${spawnError.message}): check that the OS user that runs it (postgres, when started as root) can enter the folders of its binaries.`,
    );
  }
  const log = recent.join('\n');
  if (/Address already in use|could not create any TCP\/IP sockets/.test(log)) {
    return new EmbeddedDatabaseError(
      `内嵌 PostgreSQL 的端口 ${port} 已被占用：请停止占用它的程序，或用 EMBEDDED_PG_PORT 指定其他端口。 ` +
        `Embedded PostgreSQL could not listen on port ${port}, which is in use: stop what uses it, or set EMBEDDED_PG_PORT to another port.`,
    );
  }
  const reason = [...recent].reverse().find((line) => /FATAL|PANIC|ERROR/.test(line)) ?? recent.at(-1) ?? firstLine(String((error as Error)?.message ?? 'process exited'));
  return new EmbeddedDatabaseError(`内嵌 PostgreSQL 没有启动（${reason}）。 Embedded PostgreSQL did not start: ${reason}`);
}

/** Why initdb failed: a failed exec, or the first line of its error output. */
export function initFailure(spawnErrors: Error[], error: unknown): EmbeddedDatabaseError {
  const reason = spawnErrors[0]?.message ?? firstLine(String((error as Error)?.message ?? error).replace(/^.*ERROR OUTPUT:/s, ''));
  return new EmbeddedDatabaseError(`内嵌 PostgreSQL 的数据库初始化失败（${reason}）。 Embedded PostgreSQL's initdb failed: ${reason}`);
}
