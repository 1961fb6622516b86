CREATE TABLE `evaluation_schedules` (
	`training_id` integer PRIMARY KEY NOT NULL,
	`opens_on` text,
	`closes_on` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `message_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`audience` text NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`body` text NOT NULL,
	`variables` text DEFAULT '[]' NOT NULL,
	`provider_template_id` text,
	`active` integer DEFAULT true NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `outbox_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dedupe_key` text NOT NULL,
	`channel` text DEFAULT 'sms' NOT NULL,
	`phone` text NOT NULL,
	`audience` text NOT NULL,
	`recipient_user_id` integer,
	`recipient_deputy_id` integer,
	`template_id` text NOT NULL,
	`variables` text DEFAULT '{}' NOT NULL,
	`body` text,
	`event_kind` text NOT NULL,
	`opinion_id` integer,
	`training_id` integer,
	`township_id` integer,
	`state` text DEFAULT 'pending' NOT NULL,
	`reason` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`not_before` integer DEFAULT 0 NOT NULL,
	`provider` text,
	`provider_message_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`sent_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_messages_dedupe_key_unique` ON `outbox_messages` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `outbox_state_not_before` ON `outbox_messages` (`state`,`not_before`);--> statement-breakpoint
CREATE INDEX `outbox_phone_sent` ON `outbox_messages` (`phone`,`sent_at`);--> statement-breakpoint
CREATE INDEX `outbox_created` ON `outbox_messages` (`created_at`);--> statement-breakpoint
CREATE INDEX `outbox_opinion` ON `outbox_messages` (`opinion_id`);--> statement-breakpoint
CREATE INDEX `outbox_training_deputy` ON `outbox_messages` (`training_id`,`recipient_deputy_id`);--> statement-breakpoint
CREATE TABLE `sms_opt_outs` (
	`phone` text PRIMARY KEY NOT NULL,
	`source` text NOT NULL,
	`created_at` integer NOT NULL
);
