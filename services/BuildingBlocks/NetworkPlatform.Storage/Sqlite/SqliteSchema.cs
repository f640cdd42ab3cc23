namespace NetworkPlatform.Storage.Sqlite;

/// <summary>Schema migrations, applied in order and recorded in schema_migrations. Never edit one that has shipped: add the next.</summary>
internal static class SqliteSchema
{
    public static readonly IReadOnlyList<(int Version, string Name, string Sql)> Migrations =
    [
        (1, "documents, index, outbox, inbox", """
            CREATE TABLE documents (
                collection TEXT NOT NULL,
                network_id TEXT NOT NULL,
                id TEXT NOT NULL,
                version INTEGER NOT NULL,
                body TEXT NOT NULL,
                PRIMARY KEY (collection, network_id, id));
            CREATE TABLE document_index (
                collection TEXT NOT NULL,
                network_id TEXT NOT NULL,
                index_name TEXT NOT NULL,
                value TEXT NOT NULL,
                id TEXT NOT NULL,
                PRIMARY KEY (collection, network_id, index_name, value, id)) WITHOUT ROWID;
            CREATE INDEX document_index_by_document ON document_index (collection, network_id, id);
            CREATE TABLE outbox (
                sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                message_id TEXT NOT NULL UNIQUE,
                message_type TEXT NOT NULL,
                network_id TEXT NOT NULL,
                aggregate_id TEXT NOT NULL,
                aggregate_version INTEGER NOT NULL,
                occurred_at TEXT NOT NULL,
                payload TEXT NOT NULL,
                trace_parent TEXT,
                enqueued_at TEXT NOT NULL,
                sent_at TEXT);
            CREATE INDEX outbox_pending ON outbox (sequence) WHERE sent_at IS NULL;
            CREATE TABLE inbox (
                consumer TEXT NOT NULL,
                message_id TEXT NOT NULL,
                handled_at TEXT NOT NULL,
                PRIMARY KEY (consumer, message_id)) WITHOUT ROWID;
            """),
        // Declared indexes are expression indexes over the body now (created with the migration, see MigrateAsync); the
        // side table of index rows they replace holds nothing the documents do not.
        (3, "declared indexes on the body replace the index table", """
            DROP TABLE IF EXISTS document_index;
            """),
        // The last event version of each aggregate stream (IUnitOfWork.NextAggregateVersionAsync).
        (4, "aggregate event streams", """
            CREATE TABLE aggregate_streams (
                network_id TEXT NOT NULL,
                aggregate_type TEXT NOT NULL,
                aggregate_id TEXT NOT NULL,
                version INTEGER NOT NULL,
                PRIMARY KEY (network_id, aggregate_type, aggregate_id)) WITHOUT ROWID;
            """),
    ];
}
