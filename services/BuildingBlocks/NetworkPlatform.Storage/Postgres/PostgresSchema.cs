namespace NetworkPlatform.Storage.Postgres;

/// <summary>Schema migrations, applied in order and recorded in schema_migrations. Never edit one that has shipped: add the next.</summary>
internal static class PostgresSchema
{
    /// <summary>Advisory lock keys (scoped to the service's database): one migrator at a time, one outbox relay at a time.</summary>
    public const long MigrationLock = 0x4E50_0001;
    public const long RelayLock = 0x4E50_0002;

    /// <summary>LISTEN/NOTIFY channel: a commit that wrote outbox rows wakes the relay, whichever process holds it.</summary>
    public const string OutboxChannel = "np_outbox";

    public static readonly IReadOnlyList<(int Version, string Name, string Sql)> Migrations =
    [
        // COLLATE "C": ids and index values compare bytewise, the same order as SQLite, and cheaper than a locale.
        (1, "documents, index, outbox, inbox", """
            CREATE TABLE documents (
                collection text COLLATE "C" NOT NULL,
                network_id text COLLATE "C" NOT NULL,
                id text COLLATE "C" NOT NULL,
                version bigint NOT NULL,
                body jsonb NOT NULL,
                PRIMARY KEY (collection, network_id, id));
            CREATE TABLE document_index (
                collection text COLLATE "C" NOT NULL,
                network_id text COLLATE "C" NOT NULL,
                index_name text COLLATE "C" NOT NULL,
                value text COLLATE "C" NOT NULL,
                id text COLLATE "C" NOT NULL,
                PRIMARY KEY (collection, network_id, index_name, value, id));
            CREATE INDEX document_index_by_document ON document_index (collection, network_id, id);
            CREATE TABLE outbox (
                sequence bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                message_id uuid NOT NULL UNIQUE,
                message_type text NOT NULL,
                network_id text NOT NULL,
                aggregate_id text NOT NULL,
                aggregate_version bigint NOT NULL,
                occurred_at timestamptz NOT NULL,
                payload text NOT NULL,
                trace_parent text,
                enqueued_at timestamptz NOT NULL DEFAULT now(),
                sent_at timestamptz);
            CREATE INDEX outbox_pending ON outbox (sequence) WHERE sent_at IS NULL;
            CREATE TABLE inbox (
                consumer text NOT NULL,
                message_id uuid NOT NULL,
                handled_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (consumer, message_id));
            """),
        // One row: the epoch of the current relay lock holder, raised by every relay that takes the lock.
        (2, "outbox relay epoch", """
            CREATE TABLE outbox_relay (singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton), epoch bigint NOT NULL);
            INSERT INTO outbox_relay (epoch) VALUES (0);
            """),
        // Declared indexes are expression indexes over the body now (created with the migration, see MigrateAsync); the
        // side table of index rows they replace holds nothing the documents do not.
        (3, "declared indexes on the body replace the index table", """
            DROP TABLE IF EXISTS document_index;
            """),
        // The last event version of each aggregate stream (IUnitOfWork.NextAggregateVersionAsync).
        (4, "aggregate event streams", """
            CREATE TABLE aggregate_streams (
                network_id text COLLATE "C" NOT NULL,
                aggregate_type text COLLATE "C" NOT NULL,
                aggregate_id text COLLATE "C" NOT NULL,
                version bigint NOT NULL,
                PRIMARY KEY (network_id, aggregate_type, aggregate_id));
            """),
    ];
}
