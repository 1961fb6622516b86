CREATE TABLE `department_members` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`department_id` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `department_members_department` ON `department_members` (`department_id`);--> statement-breakpoint
CREATE TABLE `departments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`short_name` text DEFAULT '' NOT NULL,
	`kind` text DEFAULT 'other' NOT NULL,
	`township_id` integer,
	`contact_name` text DEFAULT '' NOT NULL,
	`contact_phone` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`township_id`) REFERENCES `townships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `departments_name_unique` ON `departments` (`name`);--> statement-breakpoint
CREATE INDEX `departments_kind` ON `departments` (`kind`,`active`);--> statement-breakpoint
CREATE TABLE `opinion_assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`opinion_id` integer NOT NULL,
	`department_id` integer NOT NULL,
	`role` text NOT NULL,
	`status` text NOT NULL,
	`assigned_at` integer NOT NULL,
	`sign_due_on` text,
	`signed_at` integer,
	`returned_at` integer,
	`return_reason` text,
	`answered_at` integer,
	`ended_at` integer,
	FOREIGN KEY (`opinion_id`) REFERENCES `opinions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `opinion_assignments_opinion` ON `opinion_assignments` (`opinion_id`,`status`);--> statement-breakpoint
CREATE INDEX `opinion_assignments_department` ON `opinion_assignments` (`department_id`,`status`);--> statement-breakpoint
CREATE TABLE `opinion_extensions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`opinion_id` integer NOT NULL,
	`department_id` integer NOT NULL,
	`requested_by` integer,
	`requested_at` integer NOT NULL,
	`from_due_on` text,
	`requested_due_on` text NOT NULL,
	`reason` text NOT NULL,
	`status` text NOT NULL,
	`decided_by` integer,
	`decided_at` integer,
	`decision_note` text,
	FOREIGN KEY (`opinion_id`) REFERENCES `opinions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `opinion_extensions_opinion` ON `opinion_extensions` (`opinion_id`,`status`);--> statement-breakpoint
CREATE TABLE `opinion_reminders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`opinion_id` integer NOT NULL,
	`target_kind` text NOT NULL,
	`department_id` integer,
	`deputy_id` integer,
	`issued_by` integer,
	`issued_at` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`due_on` text,
	`overdue_days` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`opinion_id`) REFERENCES `opinions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deputy_id`) REFERENCES `deputies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `opinion_reminders_opinion` ON `opinion_reminders` (`opinion_id`);--> statement-breakpoint
CREATE INDEX `opinion_reminders_department` ON `opinion_reminders` (`department_id`,`issued_at`);--> statement-breakpoint
CREATE INDEX `opinion_reminders_deputy` ON `opinion_reminders` (`deputy_id`,`issued_at`);--> statement-breakpoint
CREATE TABLE `reply_templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`purpose` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reply_templates_purpose_title` ON `reply_templates` (`purpose`,`title`);--> statement-breakpoint
CREATE TABLE `workflow_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `opinions` ADD `lead_department_id` integer;--> statement-breakpoint
CREATE INDEX `opinions_lead_department` ON `opinions` (`lead_department_id`,`state`);