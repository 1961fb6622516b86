CREATE TABLE `form_previews` (
	`token` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`definition` text NOT NULL,
	`created_by` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `form_previews_expires` ON `form_previews` (`expires_at`);