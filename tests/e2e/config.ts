// Port and files of the e2e server; E2E_PORT lets two checkouts run their e2e tests at once.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_DATA_DIR = `.data/e2e-pg-${E2E_PORT}`;
export const E2E_DB_FILE = `.data/e2e-db-${E2E_PORT}.json`;
