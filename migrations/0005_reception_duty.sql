CREATE TABLE `duty_schedule_deputies` (
	`schedule_id` integer NOT NULL,
	`deputy_id` integer NOT NULL,
	PRIMARY KEY(`schedule_id`, `deputy_id`),
	FOREIGN KEY (`schedule_id`) REFERENCES `duty_schedules`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deputy_id`) REFERENCES `deputies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `duty_schedule_deputies_deputy` ON `duty_schedule_deputies` (`deputy_id`);--> statement-breakpoint
CREATE TABLE `duty_schedules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`station_id` integer NOT NULL,
	`township_id` integer NOT NULL,
	`rule` text NOT NULL,
	`every_weeks` integer DEFAULT 1 NOT NULL,
	`day_of_month` integer,
	`period` text DEFAULT 'am' NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text,
	`note` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`station_id`) REFERENCES `stations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`township_id`) REFERENCES `townships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `duty_schedules_station` ON `duty_schedules` (`station_id`,`active`);--> statement-breakpoint
CREATE INDEX `duty_schedules_township` ON `duty_schedules` (`township_id`);--> statement-breakpoint
CREATE TABLE `opinion_intake` (
	`opinion_id` integer PRIMARY KEY NOT NULL,
	`channel` text,
	`recipient_deputy_id` integer,
	`reception_id` integer,
	`entered_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`opinion_id`) REFERENCES `opinions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recipient_deputy_id`) REFERENCES `deputies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reception_id`) REFERENCES `receptions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `opinion_intake_channel` ON `opinion_intake` (`channel`);--> statement-breakpoint
CREATE INDEX `opinion_intake_recipient` ON `opinion_intake` (`recipient_deputy_id`);--> statement-breakpoint
CREATE INDEX `opinion_intake_reception` ON `opinion_intake` (`reception_id`);--> statement-breakpoint
CREATE TABLE `reception_submissions` (
	`key` text PRIMARY KEY NOT NULL,
	`reception_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`reception_id`) REFERENCES `receptions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `stations` ADD `phone` text DEFAULT '' NOT NULL;