CREATE TABLE `deputy_activities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`deputy_id` integer NOT NULL,
	`township_id` integer NOT NULL,
	`kind` text NOT NULL,
	`day` text NOT NULL,
	`title` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`reviewed_by` integer,
	`reviewed_at` integer,
	FOREIGN KEY (`deputy_id`) REFERENCES `deputies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`township_id`) REFERENCES `townships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `deputy_activities_deputy_day` ON `deputy_activities` (`deputy_id`,`day`);--> statement-breakpoint
CREATE INDEX `deputy_activities_township_status` ON `deputy_activities` (`township_id`,`status`);