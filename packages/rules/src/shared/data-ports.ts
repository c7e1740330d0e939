/**
 * Ports of data stores and file shares: published to the Internet they expose data directly and
 * invite credential stuffing and exploitation of the storage engine.
 */
export const DATA_PORTS: Readonly<Record<number, string>> = {
  445: 'SMB',
  1433: 'SQL Server',
  1434: 'SQL Server Browser',
  1521: 'Oracle',
  2049: 'NFS',
  3306: 'MySQL',
  5432: 'PostgreSQL',
  5984: 'CouchDB',
  6379: 'Redis',
  6380: 'Redis TLS',
  7000: 'Cassandra',
  9042: 'Cassandra CQL',
  9200: 'Elasticsearch',
  9300: 'Elasticsearch transport',
  10255: 'Cosmos DB Mongo API',
  11211: 'Memcached',
  27017: 'MongoDB',
  27018: 'MongoDB',
  27019: 'MongoDB',
};

export const DATA_PORT_NUMBERS: readonly number[] = Object.keys(DATA_PORTS).map(Number);
