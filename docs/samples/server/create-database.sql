-- As a PostgreSQL superuser (psql -U postgres -f create-database.sql).
-- No extension is needed: geographic search runs in each API process's own index.
CREATE ROLE peer_directory LOGIN PASSWORD 'replace-with-a-long-random-password';
CREATE DATABASE peer_directory OWNER peer_directory ENCODING 'UTF8' TEMPLATE template0;
