CREATE TABLE `stats_event_facts` (
	`event_id` integer PRIMARY KEY NOT NULL,
	`opinion_id` integer NOT NULL,
	`township_id` integer NOT NULL,
	`category` text NOT NULL,
	`event_week` text NOT NULL,
	`received_week` text NOT NULL,
	`due_week` text,
	`resolved` integer DEFAULT 0 NOT NULL,
	`reopened` integer DEFAULT 0 NOT NULL,
	`rated` integer DEFAULT 0 NOT NULL,
	`rated_ok` integer DEFAULT 0 NOT NULL,
	`callback` integer DEFAULT 0 NOT NULL,
	`callback_ok` integer DEFAULT 0 NOT NULL,
	`due_met` integer DEFAULT 0 NOT NULL,
	`due_missed` integer DEFAULT 0 NOT NULL,
	`ever_resolved` integer DEFAULT 0 NOT NULL,
	`first_rated` integer DEFAULT 0 NOT NULL,
	`first_ok` integer DEFAULT 0 NOT NULL,
	`first_callback` integer DEFAULT 0 NOT NULL,
	`first_callback_ok` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `stats_open_deadline` (
	`township_id` integer NOT NULL,
	`category` text NOT NULL,
	`due_on` text NOT NULL,
	`n` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`township_id`, `category`, `due_on`)
);
--> statement-breakpoint
CREATE TABLE `stats_open_received` (
	`township_id` integer NOT NULL,
	`category` text NOT NULL,
	`received_day` text NOT NULL,
	`n` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`township_id`, `category`, `received_day`)
);
--> statement-breakpoint
ALTER TABLE `stats_opinion_weeks` ADD `ev_resolved` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `stats_opinion_weeks` ADD `ev_reopened` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `stats_opinion_weeks` ADD `ev_rated` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `stats_opinion_weeks` ADD `ev_rated_ok` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `stats_opinion_weeks` ADD `ev_callback` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `stats_opinion_weeks` ADD `ev_callback_ok` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `stats_opinion_weeks` ADD `due_met` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `stats_opinion_weeks` ADD `due_missed` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `stats_opinion_weeks` ADD `ever_resolved` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `stats_opinion_weeks` ADD `first_rated` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `stats_opinion_weeks` ADD `first_ok` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `stats_opinion_weeks` ADD `first_callback` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `stats_opinion_weeks` ADD `first_callback_ok` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `stats_trainings` ADD `days_attended` integer DEFAULT 0 NOT NULL;