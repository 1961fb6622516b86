-- Moves the free-text 承办单位 of 三议 (opinions.lead_department and the JSON array
-- opinions.departments) onto department rows and assignment rows, without touching any
-- opinion's state, events or statistics (the rollup triggers watch other columns).
--
-- 1. One department per distinct trimmed name (exact duplicates merge into one row). The kind
--    is guessed from the name's ending so the roster starts useful; staff can correct it.
INSERT OR IGNORE INTO departments (name, short_name, kind, township_id, contact_name, contact_phone, active, created_at, updated_at)
SELECT n.name, '',
  CASE
    WHEN n.name LIKE '%街道办事处' OR n.name LIKE '%人民政府' OR n.name LIKE '%镇政府' OR n.name LIKE '%乡政府' THEN 'township_government'
    WHEN n.name LIKE '%供电%' OR n.name LIKE '%自来水%' OR n.name LIKE '%燃气%' OR n.name LIKE '%供水%' OR n.name LIKE '%电信%' OR n.name LIKE '%移动%' OR n.name LIKE '%联通%' THEN 'utility'
    WHEN n.name LIKE '区%局' OR n.name LIKE '区%委' OR n.name LIKE '区%办' OR n.name LIKE '区%分局' OR n.name LIKE '区%中心' THEN 'district_agency'
    WHEN n.name LIKE '%公司' THEN 'enterprise'
    ELSE 'other'
  END,
  NULL, '', '', 1, CAST(strftime('%s', 'now') AS INTEGER) * 1000, CAST(strftime('%s', 'now') AS INTEGER) * 1000
FROM (
  SELECT trim(lead_department) AS name FROM opinions WHERE lead_department IS NOT NULL AND trim(lead_department) <> ''
  UNION
  SELECT trim(j.value) FROM opinions o, json_each(CASE WHEN json_valid(o.departments) THEN o.departments ELSE '[]' END) j
    WHERE j.type = 'text' AND trim(j.value) <> ''
) n
ORDER BY n.name;
--> statement-breakpoint
-- 2. The opinion points at its lead department; the name column stays as it was.
UPDATE opinions SET lead_department_id = (SELECT d.id FROM departments d WHERE d.name = trim(opinions.lead_department))
WHERE lead_department IS NOT NULL AND trim(lead_department) <> '';
--> statement-breakpoint
-- 3. Assignment rows as the old state implies: not yet taken up in 三议 (待签收, with no 签收
--    deadline: it was never set, and inventing one would mark old items overdue), taken up in
--    四办 or 复核 (办理中), resolved (已办复), or ended some other way (改派/withdrawn).
--    The 交办 time is the deliberation's event; the 签收 time the start of handling.
INSERT INTO opinion_assignments (opinion_id, department_id, role, status, assigned_at, sign_due_on, signed_at, returned_at, return_reason, answered_at, ended_at)
SELECT o.id, o.lead_department_id, 'lead',
  CASE WHEN o.state = 'deliberating' THEN 'assigned'
       WHEN o.state IN ('handling', 'review') THEN 'signed'
       WHEN o.state IN ('resolved', 'closed') THEN 'done'
       ELSE 'withdrawn' END,
  coalesce((SELECT max(e.at) FROM opinion_events e WHERE e.opinion_id = o.id AND e.action = 'deliberate'), o.updated_at),
  NULL,
  CASE WHEN o.state = 'deliberating' THEN NULL
       ELSE (SELECT min(e.at) FROM opinion_events e WHERE e.opinion_id = o.id AND e.to_state = 'handling') END,
  NULL, NULL,
  CASE WHEN o.state IN ('resolved', 'closed') THEN o.resolved_at END,
  CASE WHEN o.state IN ('resolved', 'closed') THEN coalesce(o.resolved_at, o.closed_at, o.updated_at)
       WHEN o.state IN ('rejected', 'duplicate', 'transferred') THEN coalesce(o.closed_at, o.updated_at) END
FROM opinions o
WHERE o.lead_department_id IS NOT NULL;
--> statement-breakpoint
INSERT INTO opinion_assignments (opinion_id, department_id, role, status, assigned_at, sign_due_on, signed_at, returned_at, return_reason, answered_at, ended_at)
SELECT o.id, d.id, 'co',
  CASE WHEN o.state = 'deliberating' THEN 'assigned'
       WHEN o.state IN ('handling', 'review') THEN 'signed'
       WHEN o.state IN ('resolved', 'closed') THEN 'done'
       ELSE 'withdrawn' END,
  coalesce((SELECT max(e.at) FROM opinion_events e WHERE e.opinion_id = o.id AND e.action = 'deliberate'), o.updated_at),
  NULL,
  CASE WHEN o.state = 'deliberating' THEN NULL
       ELSE (SELECT min(e.at) FROM opinion_events e WHERE e.opinion_id = o.id AND e.to_state = 'handling') END,
  NULL, NULL, NULL,
  CASE WHEN o.state IN ('resolved', 'closed') THEN coalesce(o.resolved_at, o.closed_at, o.updated_at)
       WHEN o.state IN ('rejected', 'duplicate', 'transferred') THEN coalesce(o.closed_at, o.updated_at) END
FROM opinions o, json_each(CASE WHEN json_valid(o.departments) THEN o.departments ELSE '[]' END) j
JOIN departments d ON d.name = trim(j.value)
WHERE j.type = 'text' AND trim(j.value) <> ''
  -- A co-department equal to the lead is the lead already.
  AND (o.lead_department_id IS NULL OR d.id <> o.lead_department_id)
GROUP BY o.id, d.id;
