-- One table shaped like the real opinions' unique keys: a submission key and a tracking code.
CREATE TABLE opinions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  submission_key TEXT NOT NULL UNIQUE,
  tracking_code TEXT NOT NULL UNIQUE,
  body TEXT NOT NULL,
  received_at INTEGER NOT NULL
);
