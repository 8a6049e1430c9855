// UTF-8 → GB18030 for CSV files. DuckDB writes UTF-8 and Node has no GB18030 encoder, so the bytes
// are streamed through the system's iconv (glibc's on Debian); without it, say how to get it.
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { UserError } from '../errors.ts';

export async function transcodeFile(src: string, dest: string): Promise<void> {
  const child = spawn('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number>((res, rej) => {
    child.on('error', (err: NodeJS.ErrnoException) =>
      rej(err.code === 'ENOENT'
        ? new UserError('--encoding gb18030 needs the iconv program (Debian/Ubuntu: apt-get install libc-bin; macOS has it); or write UTF-8 with --encoding utf8')
        : err));
    child.on('close', (code) => res(code ?? 1));
  });
  await Promise.all([
    pipeline(createReadStream(src), child.stdin),
    pipeline(child.stdout, createWriteStream(dest)),
    exited.then((code) => {
      if (code !== 0) throw new Error(`iconv could not convert ${src} to GB18030: ${stderr.trim()}`);
    }),
  ]);
}
