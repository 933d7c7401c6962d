// The embedded database (PGlite) is one process's: it has no postmaster to share a data folder, and
// its own postmaster.pid is a placeholder that does not keep a second process out. Two processes on
// one folder (a server and `npm run sportello`, two servers) would each write their own view of the
// files and corrupt them. So whoever opens DATA_DIR writes its pid into sportello.pid there and
// removes it at close; a later opener finds it and refuses while that process lives. A file left by
// a process that died (kill -9, a crash, a container restart) names a dead pid and is taken over.
import fs from 'node:fs';
import path from 'node:path';

const LOCK_FILE = 'sportello.pid';

export class DataDirInUse extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is open in another process (pid ${pid}). PGlite serves one process at a time: stop that process first, or use PostgreSQL (DATABASE_URL) to run several.`,
    );
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // exists, belongs to someone else
  }
}

/** Takes DATA_DIR for this process; returns the release to call at close. */
export function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; ; attempt++) {
    try {
      fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw err;
      const pid = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
      // Our own pid: a container's server restarted as pid 1 again, or a file left by this very process.
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) throw new DataDirInUse(dataDir, pid);
      fs.rmSync(file, { force: true }); // stale: its process is gone; one retry, so two takers cannot both win
    }
  }
  return () => {
    try {
      if (Number.parseInt(fs.readFileSync(file, 'utf8'), 10) === process.pid) fs.rmSync(file, { force: true });
    } catch {
      // already gone
    }
  };
}
