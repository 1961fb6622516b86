CREATE TABLE `evaluation_pending` (
	`id` text PRIMARY KEY NOT NULL,
	`training_id` integer NOT NULL,
	`form_version_id` integer NOT NULL,
	`township_id` integer,
	`answers` text NOT NULL,
	FOREIGN KEY (`training_id`) REFERENCES `trainings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`form_version_id`) REFERENCES `form_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`township_id`) REFERENCES `townships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `evaluation_pending_training` ON `evaluation_pending` (`training_id`,`township_id`);--> statement-breakpoint
CREATE TABLE `evaluation_releases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`training_id` integer NOT NULL,
	`township_id` integer,
	`responses` integer NOT NULL,
	`released_at` integer NOT NULL,
	FOREIGN KEY (`training_id`) REFERENCES `trainings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`township_id`) REFERENCES `townships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `evaluation_releases_training` ON `evaluation_releases` (`training_id`);--> statement-breakpoint
ALTER TABLE `enrolments` ADD `checkin_failures` integer DEFAULT 0 NOT NULL;