/** The SqlDatabase contract (test/contracts/sql-database.contract.ts) on a LibSQL file, as Node runs it. */
import { afterAll } from 'vitest';
import { openLibsqlDatabase } from '../../server/storage/libsql-database.ts';
import { sqlDatabaseContract } from '../contracts/sql-database.contract.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const dir = makeTempDir();
afterAll(() => dir.remove());

let files = 0;
sqlDatabaseContract('a LibSQL file', () => openLibsqlDatabase({ url: `file:${dir.path}/contract-${files++}.db` }));
