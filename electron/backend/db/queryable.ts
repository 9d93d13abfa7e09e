import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

/** What a repository function reads and writes through: the database, or a use case's transaction. */
export type Db = Kysely<Database> | Transaction<Database>;
