CREATE TABLE `stats_deputies` (
	`township_id` integer NOT NULL,
	`level` text NOT NULL,
	`active` integer DEFAULT 0 NOT NULL,
	`inactive` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`township_id`, `level`)
);
--> statement-breakpoint
CREATE TABLE `stats_open_due` (
	`township_id` integer NOT NULL,
	`category` text NOT NULL,
	`due_on` text NOT NULL,
	`n` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`township_id`, `category`, `due_on`)
);
--> statement-breakpoint
CREATE TABLE `stats_opinion_weeks` (
	`category` text NOT NULL,
	`week` text NOT NULL,
	`township_id` integer NOT NULL,
	`received` integer DEFAULT 0 NOT NULL,
	`st_pending` integer DEFAULT 0 NOT NULL,
	`st_listening` integer DEFAULT 0 NOT NULL,
	`st_viewing` integer DEFAULT 0 NOT NULL,
	`st_deliberating` integer DEFAULT 0 NOT NULL,
	`st_handling` integer DEFAULT 0 NOT NULL,
	`st_resolved` integer DEFAULT 0 NOT NULL,
	`st_closed` integer DEFAULT 0 NOT NULL,
	`st_review` integer DEFAULT 0 NOT NULL,
	`st_rejected` integer DEFAULT 0 NOT NULL,
	`st_duplicate` integer DEFAULT 0 NOT NULL,
	`st_transferred` integer DEFAULT 0 NOT NULL,
	`rt_satisfied` integer DEFAULT 0 NOT NULL,
	`rt_basically_satisfied` integer DEFAULT 0 NOT NULL,
	`rt_dissatisfied` integer DEFAULT 0 NOT NULL,
	`reopened` integer DEFAULT 0 NOT NULL,
	`resolve_days_n` integer DEFAULT 0 NOT NULL,
	`resolve_days_sum` integer DEFAULT 0 NOT NULL,
	`resolve_days` text DEFAULT '{}' NOT NULL,
	`resolved_flow` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`category`, `week`, `township_id`)
);
--> statement-breakpoint
CREATE INDEX `stats_opinion_weeks_township` ON `stats_opinion_weeks` (`township_id`,`week`,`category`);--> statement-breakpoint
CREATE TABLE `stats_overdue` (
	`category` text NOT NULL,
	`township_id` integer NOT NULL,
	`as_of` text DEFAULT '' NOT NULL,
	`overdue` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`category`, `township_id`)
);
--> statement-breakpoint
CREATE TABLE `stats_resolutions` (
	`opinion_id` integer PRIMARY KEY NOT NULL,
	`township_id` integer NOT NULL,
	`category` text NOT NULL,
	`received_week` text NOT NULL,
	`resolved_day` text NOT NULL,
	`resolved_week` text NOT NULL,
	`working_days` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `stats_township_weeks` (
	`week` text NOT NULL,
	`township_id` integer NOT NULL,
	`receptions` integer DEFAULT 0 NOT NULL,
	`residents_received` integer DEFAULT 0 NOT NULL,
	`opinions_taken` integer DEFAULT 0 NOT NULL,
	`sessions_district` integer DEFAULT 0 NOT NULL,
	`sessions_township` integer DEFAULT 0 NOT NULL,
	`uptake_district` integer DEFAULT 0 NOT NULL,
	`uptake_township` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`week`, `township_id`)
);
--> statement-breakpoint
CREATE INDEX `stats_township_weeks_township` ON `stats_township_weeks` (`township_id`,`week`);--> statement-breakpoint
CREATE TABLE `stats_training_results` (
	`training_id` integer NOT NULL,
	`township_id` integer NOT NULL,
	`responses` integer DEFAULT 0 NOT NULL,
	`overall_1` integer DEFAULT 0 NOT NULL,
	`overall_2` integer DEFAULT 0 NOT NULL,
	`overall_3` integer DEFAULT 0 NOT NULL,
	`overall_4` integer DEFAULT 0 NOT NULL,
	`overall_5` integer DEFAULT 0 NOT NULL,
	`promoters` integer DEFAULT 0 NOT NULL,
	`passives` integer DEFAULT 0 NOT NULL,
	`detractors` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`training_id`, `township_id`)
);
--> statement-breakpoint
CREATE TABLE `stats_trainings` (
	`training_id` integer NOT NULL,
	`township_id` integer NOT NULL,
	`level` text NOT NULL,
	`enrolled` integer DEFAULT 0 NOT NULL,
	`checked_in` integer DEFAULT 0 NOT NULL,
	`evaluated` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`training_id`, `township_id`, `level`)
);
