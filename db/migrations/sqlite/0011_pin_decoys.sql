-- Rows that a PIN check of an unknown tracking code counts its attempt on,
-- with the statements that count a wrong PIN on a complaint
-- (PinGuard::CheckUnknown), so that an unknown code and a wrong PIN cost
-- the same write and take the same time: answering faster for an unknown
-- code would tell which codes exist. Sixteen rows, picked by the code's
-- hash, so that guesses at different unknown codes rarely wait for one row.
CREATE TABLE IF NOT EXISTS pin_decoys (
  tracking_code TEXT NOT NULL PRIMARY KEY,
  pin_failures INTEGER NOT NULL DEFAULT 0,
  pin_window_start INTEGER NOT NULL DEFAULT 0
);
INSERT OR IGNORE INTO pin_decoys (tracking_code) VALUES
  ('DECOY-00'), ('DECOY-01'), ('DECOY-02'), ('DECOY-03'),
  ('DECOY-04'), ('DECOY-05'), ('DECOY-06'), ('DECOY-07'),
  ('DECOY-08'), ('DECOY-09'), ('DECOY-10'), ('DECOY-11'),
  ('DECOY-12'), ('DECOY-13'), ('DECOY-14'), ('DECOY-15');
