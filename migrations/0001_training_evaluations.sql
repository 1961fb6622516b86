-- Training evaluations (issue 4), hand-written.
--
-- 1. evaluation_responses becomes a WITHOUT ROWID table. An ordinary SQLite table keeps a hidden,
--    ever-increasing rowid even when its primary key is text, and that rowid is the insertion
--    order: lined up with enrolments.submitted_on it could tell whose answers are whose. Without
--    a rowid the rows live in the order of their random id, so nothing records the order of
--    submission. drizzle-kit cannot express WITHOUT ROWID: if the table is ever changed in
--    worker/db/schema/evaluations.ts, the generated rebuild must keep it (see the comment there).
--    No other table references evaluation_responses, so dropping it cascades nowhere.
CREATE TABLE `evaluation_responses_new` (
	`id` text PRIMARY KEY NOT NULL,
	`training_id` integer NOT NULL,
	`form_version_id` integer NOT NULL,
	`township_id` integer,
	`answers` text NOT NULL,
	FOREIGN KEY (`training_id`) REFERENCES `trainings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`form_version_id`) REFERENCES `form_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`township_id`) REFERENCES `townships`(`id`) ON UPDATE no action ON DELETE no action
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `evaluation_responses_new` (`id`, `training_id`, `form_version_id`, `township_id`, `answers`)
	SELECT `id`, `training_id`, `form_version_id`, `township_id`, `answers` FROM `evaluation_responses` ORDER BY `id`;
--> statement-breakpoint
DROP TABLE `evaluation_responses`;
--> statement-breakpoint
ALTER TABLE `evaluation_responses_new` RENAME TO `evaluation_responses`;
--> statement-breakpoint
CREATE INDEX `evaluation_responses_training` ON `evaluation_responses` (`training_id`,`township_id`);
--> statement-breakpoint
-- 2. The default deputy-training questionnaire (worker/forms/defaults/training.ts), version 1, so
--    that a fresh production database can create a training with it. Idempotent: a database that
--    already has the slug keeps its own definition.
INSERT INTO `forms` (`slug`, `kind`, `title`, `current_version`, `created_at`, `updated_at`)
	VALUES ('training-default', 'questionnaire', '代表培训评估问卷', 1, 1795564800000, 1795564800000)
	ON CONFLICT (`slug`) DO NOTHING;
--> statement-breakpoint
INSERT INTO `form_versions` (`form_id`, `version`, `definition`, `created_at`, `created_by`)
	SELECT `id`, 1, '{"schemaVersion":1,"title":{"zh-CN":"代表培训评估问卷","en":"Deputy training evaluation"},"questions":[{"id":"anonymity_note","label":{"zh-CN":"本问卷不记名。您的回答与您的姓名分开保存，不会和您的姓名联系在一起。","en":"This questionnaire is anonymous: your answers are stored apart from your name and are never linked to it."},"required":false,"type":"info"},{"id":"content","label":{"zh-CN":"您对本次培训内容（课程安排）是否满意？","en":"How satisfied are you with the content and choice of courses?"},"required":true,"type":"scale5"},{"id":"courses","label":{"zh-CN":"请为每一门课程和授课人打分","en":"Rate each course and its lecturer"},"help":{"zh-CN":"每门课程有三个问题，意见可以不写。","en":"Three questions per course; comments are optional."},"required":true,"type":"course_block","comment":true,"commentMaxLength":500},{"id":"organisation","label":{"zh-CN":"您对培训的组织服务（通知、场地、时间安排、食宿等）是否满意？","en":"How satisfied are you with the organisation (notices, venue, schedule, meals and lodging)?"},"required":true,"type":"scale5"},{"id":"overall","label":{"zh-CN":"总的来说，您对本次培训是否满意？","en":"Overall, how satisfied are you with this training?"},"required":true,"type":"scale5"},{"id":"recommend","label":{"zh-CN":"您有多大可能向其他代表推荐参加这样的培训？","en":"How likely are you to recommend this kind of training to other deputies?"},"required":true,"type":"nps"},{"id":"most_useful_course","label":{"zh-CN":"哪一门课程对您帮助最大？","en":"Which course helped you most?"},"required":false,"type":"choice","optionsFrom":"courses"},{"id":"improve","label":{"zh-CN":"您觉得本次培训还有哪些地方需要改进？","en":"What should be improved?"},"required":false,"type":"textarea","maxLength":1000,"rows":4},{"id":"topics_next","label":{"zh-CN":"下次培训您希望学习哪些内容？","en":"Which topics would you like next time?"},"required":false,"type":"multi","options":[{"code":"constitution_law","label":{"zh-CN":"宪法和法律知识","en":"The Constitution and the law"}},{"code":"duty_practice","label":{"zh-CN":"代表依法履职实务","en":"Performing deputies’ duties in practice"}},{"code":"proposals","label":{"zh-CN":"议案和建议的写法","en":"Writing motions and suggestions"}},{"code":"inspection","label":{"zh-CN":"调研和视察的方法","en":"Research and inspection methods"}},{"code":"liaison","label":{"zh-CN":"联系群众和进站接待","en":"Keeping in touch with residents; station reception"}},{"code":"budget","label":{"zh-CN":"预算审查监督","en":"Budget review and oversight"}},{"code":"rural_revitalisation","label":{"zh-CN":"乡村振兴政策","en":"Rural revitalisation policy"}},{"code":"grassroots_governance","label":{"zh-CN":"基层社会治理","en":"Grassroots governance"}}],"max":3},{"id":"topics_other","label":{"zh-CN":"其他希望学习的内容","en":"Other topics"},"required":false,"type":"text","maxLength":200}]}', 1795564800000, NULL FROM `forms` WHERE `slug` = 'training-default'
	ON CONFLICT (`form_id`, `version`) DO NOTHING;
