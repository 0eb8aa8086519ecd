/**
 * The SqlDatabase contract (test/contracts/sql-database.contract.ts) on the directory Durable
 * Object's SQLite inside workerd, reached by RPC as the Worker and the board objects reach it.
 * Each case gets its own object, so each starts from the schema the constructor migrated.
 */
import { directoryDatabase } from '../../server/runtime/worker-directory.ts';
import { sqlDatabaseContract } from '../contracts/sql-database.contract.ts';
import { workerEnv } from './worker-env.ts';

sqlDatabaseContract('the directory object', async () => directoryDatabase(workerEnv.DIRECTORY, crypto.randomUUID()));
