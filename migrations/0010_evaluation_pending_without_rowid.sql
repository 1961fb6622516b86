-- evaluation_pending (answers submitted but not yet released) becomes WITHOUT ROWID, for the
-- reason migration 0001 gives for evaluation_responses: an ordinary table keeps a hidden,
-- ever-increasing rowid, which is the order of submission and, lined up with
-- enrolments.submitted_on, would say whose answers are whose. Without a rowid the rows live in
-- the order of their random id. drizzle-kit cannot express WITHOUT ROWID: if the table is ever
-- changed in worker/db/schema/evaluations.ts, the generated rebuild must keep it.
-- No table references evaluation_pending and it has no triggers, so the rebuild cascades nowhere.
CREATE TABLE `evaluation_pending_new` (
	`id` text PRIMARY KEY NOT NULL,
	`training_id` integer NOT NULL,
	`form_version_id` integer NOT NULL,
	`township_id` integer,
	`answers` text NOT NULL,
	FOREIGN KEY (`training_id`) REFERENCES `trainings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`form_version_id`) REFERENCES `form_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`township_id`) REFERENCES `townships`(`id`) ON UPDATE no action ON DELETE no action
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `evaluation_pending_new` (`id`, `training_id`, `form_version_id`, `township_id`, `answers`)
	SELECT `id`, `training_id`, `form_version_id`, `township_id`, `answers` FROM `evaluation_pending` ORDER BY `id`;
--> statement-breakpoint
DROP TABLE `evaluation_pending`;
--> statement-breakpoint
ALTER TABLE `evaluation_pending_new` RENAME TO `evaluation_pending`;
--> statement-breakpoint
CREATE INDEX `evaluation_pending_training` ON `evaluation_pending` (`training_id`,`township_id`);
