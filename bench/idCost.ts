// What the resident ID costs at ingest: `node --import tsx bench/idCost.ts <enrolment.csv>` times,
// over the file's cert_no column held in memory, the format regex + GB 11643 checksum, the
// HMAC-SHA256 of data-loaders/ingest/certHash.ts, a single sha256 and a plain distinct count
// (wall and CPU seconds, two rounds). See docs/performance.md.
import { DuckDBInstance } from '@duckdb/node-api';
import { hmacSql } from '../data-loaders/ingest/certHash.ts';
import { certChecksumOk, certDigitColumns } from '../data-loaders/ingest/validateSql.ts';

const file = process.argv[2];
if (!file) {
  console.error('usage: bench/idCost.ts <enrolment.csv>');
  process.exit(1);
}
const instance = await DuckDBInstance.create(':memory:');
const conn = await instance.connect();
try {
  await conn.run(`create table ids as select cert_no from read_csv('${file.replaceAll("'", "''")}', all_varchar = true)`);
  const n = Number((await conn.runAndReadAll('select count(*) from ids')).getRows()[0][0]);
  console.log(`${n.toLocaleString('en-US')} IDs`);
  const time = async (label: string, sql: string) => {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    await conn.run(sql);
    const cpu = process.cpuUsage(c0);
    console.log(`  ${label.padEnd(34)} ${((performance.now() - t0) / 1000).toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU`);
  };
  const key = Buffer.alloc(32, 7);
  // as the ingest does it: the ID's digits as two integers, once, in a projection before the checksum
  const digits = certDigitColumns('cert_no');
  const withDigits = `(select cert_no, ${digits.head} as head, ${digits.tail} as tail from ids)`;
  for (let round = 0; round < 2; round++) {
    await time('format regex + checksum', `select count(*) filter (where regexp_full_match(cert_no, '\\d{17}[\\dX]') and ${certChecksumOk('head', 'tail', 'cert_no')}) from ${withDigits}`);
    await time('HMAC-SHA256 (certHash.ts)', `select count(distinct ${hmacSql(key, 'cert_no')}) from ids`);
    await time('single sha256', 'select count(distinct sha256(cert_no)) from ids');
    await time('count(distinct cert_no)', 'select count(distinct cert_no) from ids');
  }
} finally {
  conn.closeSync();
  instance.closeSync();
}
