-- Indexes whose order is the inbox's order (received time, newest first), so a page is read
-- by walking an index and stopping after the page instead of sorting every matching opinion
-- (issue 15: a township's default inbox read 626,224 rows at 1M opinions). Hand-written in a
-- custom migration: drizzle-kit does not need to know them, and adding them to the table's
-- definition would not change the table itself.
CREATE INDEX IF NOT EXISTS `opinions_township_received` ON `opinions` (`township_id`, `received_at`);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS `opinions_state_received` ON `opinions` (`state`, `received_at`);
