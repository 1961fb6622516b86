ALTER TABLE `opinion_assignments` ADD `contact_shared_at` integer;--> statement-breakpoint
ALTER TABLE `opinion_assignments` ADD `contact_shared_by` integer;