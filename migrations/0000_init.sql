CREATE TABLE `deputies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`level` text NOT NULL,
	`township_id` integer NOT NULL,
	`station_id` integer,
	`sector` text DEFAULT '' NOT NULL,
	`phone` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`township_id`) REFERENCES `townships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`station_id`) REFERENCES `stations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `deputies_phone_unique` ON `deputies` (`phone`);--> statement-breakpoint
CREATE INDEX `deputies_township_level` ON `deputies` (`township_id`,`level`,`active`);--> statement-breakpoint
CREATE INDEX `deputies_station` ON `deputies` (`station_id`);--> statement-breakpoint
CREATE INDEX `deputies_name` ON `deputies` (`name`);--> statement-breakpoint
CREATE TABLE `stations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`host_type` text NOT NULL,
	`township_id` integer NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`township_id`) REFERENCES `townships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stations_code_unique` ON `stations` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `stations_township_name` ON `stations` (`township_id`,`name`);--> statement-breakpoint
CREATE INDEX `stations_township` ON `stations` (`township_id`);--> statement-breakpoint
CREATE TABLE `townships` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `townships_code_unique` ON `townships` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `townships_name_unique` ON `townships` (`name`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`user_id` integer,
	`username` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text,
	`before` text,
	`after` text
);
--> statement-breakpoint
CREATE INDEX `audit_at` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_entity` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE TABLE `login_failures` (
	`key` text PRIMARY KEY NOT NULL,
	`window_start` integer NOT NULL,
	`count` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_user` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`township_id` integer,
	`deputy_id` integer,
	`password_hash` text NOT NULL,
	`password_salt` text NOT NULL,
	`password_iterations` integer NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`last_login_at` integer,
	FOREIGN KEY (`township_id`) REFERENCES `townships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deputy_id`) REFERENCES `deputies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);--> statement-breakpoint
CREATE TABLE `form_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`form_id` integer NOT NULL,
	`version` integer NOT NULL,
	`definition` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`form_id`) REFERENCES `forms`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `form_versions_form_version` ON `form_versions` (`form_id`,`version`);--> statement-breakpoint
CREATE TABLE `forms` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`current_version` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `forms_slug_unique` ON `forms` (`slug`);--> statement-breakpoint
CREATE TABLE `calendar_days` (
	`day` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`name` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `categories` (
	`code` text PRIMARY KEY NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE `opinion_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`opinion_id` integer NOT NULL,
	`at` integer NOT NULL,
	`actor_user_id` integer,
	`actor_label` text NOT NULL,
	`action` text NOT NULL,
	`from_state` text,
	`to_state` text NOT NULL,
	`public_reply` text,
	`internal_note` text,
	`data` text DEFAULT '{}' NOT NULL,
	FOREIGN KEY (`opinion_id`) REFERENCES `opinions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `opinion_events_opinion` ON `opinion_events` (`opinion_id`,`at`);--> statement-breakpoint
CREATE TABLE `opinion_photos` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`opinion_id` integer NOT NULL,
	`event_id` integer,
	`object_key` text NOT NULL,
	`content_type` text NOT NULL,
	`bytes` integer NOT NULL,
	`public` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`opinion_id`) REFERENCES `opinions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `opinion_photos_object_key_unique` ON `opinion_photos` (`object_key`);--> statement-breakpoint
CREATE INDEX `opinion_photos_opinion` ON `opinion_photos` (`opinion_id`);--> statement-breakpoint
CREATE TABLE `opinions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tracking_code` text NOT NULL,
	`submission_key` text NOT NULL,
	`station_id` integer NOT NULL,
	`township_id` integer NOT NULL,
	`form_version_id` integer,
	`category` text NOT NULL,
	`body` text NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`extra_answers` text DEFAULT '{}' NOT NULL,
	`reporter_name` text,
	`reporter_phone` text,
	`consent_at` integer,
	`state` text NOT NULL,
	`assigned_deputy_id` integer,
	`assigned_user_id` integer,
	`lead_department` text,
	`departments` text DEFAULT '[]' NOT NULL,
	`transferred_to` text,
	`merged_into_id` integer,
	`self_handled` integer DEFAULT false NOT NULL,
	`due_on` text,
	`received_at` integer NOT NULL,
	`accepted_at` integer,
	`resolved_at` integer,
	`closed_at` integer,
	`rating` text,
	`rating_comment` text,
	`rated_at` integer,
	`reopen_count` integer DEFAULT 0 NOT NULL,
	`revision` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`station_id`) REFERENCES `stations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`township_id`) REFERENCES `townships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`form_version_id`) REFERENCES `form_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assigned_deputy_id`) REFERENCES `deputies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assigned_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `opinions_tracking_code_unique` ON `opinions` (`tracking_code`);--> statement-breakpoint
CREATE UNIQUE INDEX `opinions_submission_key_unique` ON `opinions` (`submission_key`);--> statement-breakpoint
CREATE INDEX `opinions_township_state` ON `opinions` (`township_id`,`state`);--> statement-breakpoint
CREATE INDEX `opinions_station_category` ON `opinions` (`station_id`,`category`);--> statement-breakpoint
CREATE INDEX `opinions_deputy` ON `opinions` (`assigned_deputy_id`);--> statement-breakpoint
CREATE INDEX `opinions_received` ON `opinions` (`received_at`);--> statement-breakpoint
CREATE INDEX `opinions_due` ON `opinions` (`state`,`due_on`);--> statement-breakpoint
CREATE TABLE `reception_deputies` (
	`reception_id` integer NOT NULL,
	`deputy_id` integer NOT NULL,
	FOREIGN KEY (`reception_id`) REFERENCES `receptions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deputy_id`) REFERENCES `deputies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reception_deputies_reception` ON `reception_deputies` (`reception_id`);--> statement-breakpoint
CREATE INDEX `reception_deputies_deputy` ON `reception_deputies` (`deputy_id`);--> statement-breakpoint
CREATE TABLE `receptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`station_id` integer NOT NULL,
	`township_id` integer NOT NULL,
	`day` text NOT NULL,
	`residents_received` integer DEFAULT 0 NOT NULL,
	`opinions_taken` integer DEFAULT 0 NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`station_id`) REFERENCES `stations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`township_id`) REFERENCES `townships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `receptions_township_day` ON `receptions` (`township_id`,`day`);--> statement-breakpoint
CREATE TABLE `step_limits` (
	`state` text PRIMARY KEY NOT NULL,
	`working_days` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `attendance` (
	`enrolment_id` integer NOT NULL,
	`day` text NOT NULL,
	`checked_in_at` integer NOT NULL,
	PRIMARY KEY(`enrolment_id`, `day`),
	FOREIGN KEY (`enrolment_id`) REFERENCES `enrolments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `courses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`training_id` integer NOT NULL,
	`title` text NOT NULL,
	`lecturer` text DEFAULT '' NOT NULL,
	`day` text NOT NULL,
	`starts_at` text DEFAULT '' NOT NULL,
	`kind` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`training_id`) REFERENCES `trainings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `courses_training` ON `courses` (`training_id`);--> statement-breakpoint
CREATE TABLE `enrolments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`training_id` integer NOT NULL,
	`deputy_id` integer NOT NULL,
	`township_id` integer NOT NULL,
	`token` text NOT NULL,
	`opened_on` text,
	`submitted_on` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`training_id`) REFERENCES `trainings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deputy_id`) REFERENCES `deputies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`township_id`) REFERENCES `townships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `enrolments_token_unique` ON `enrolments` (`token`);--> statement-breakpoint
CREATE UNIQUE INDEX `enrolments_training_deputy` ON `enrolments` (`training_id`,`deputy_id`);--> statement-breakpoint
CREATE INDEX `enrolments_training_township` ON `enrolments` (`training_id`,`township_id`);--> statement-breakpoint
CREATE TABLE `evaluation_responses` (
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
CREATE INDEX `evaluation_responses_training` ON `evaluation_responses` (`training_id`,`township_id`);--> statement-breakpoint
CREATE TABLE `trainings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`organiser` text DEFAULT '' NOT NULL,
	`form_id` integer,
	`evaluation_status` text DEFAULT 'draft' NOT NULL,
	`checkin_code` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`form_id`) REFERENCES `forms`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `trainings_checkin_code_unique` ON `trainings` (`checkin_code`);