// Hash a clerk password into the hall config's format.
//   npm run hash-password -- 'the password'      (or type it on standard input)
import { hashPassword } from '../server/auth/passwords';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

async function main(): Promise<void> {
  const password = process.argv[2] ?? (await readStdin());
  if (!password || password.length < 6) {
    console.error('usage: npm run hash-password -- <password>   (at least 6 characters)');
    process.exit(2);
  }
  console.log(hashPassword(password));
}

void main();
