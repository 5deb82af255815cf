-- Seeds 100,000 consultation requests into a migrated PiriSite database on PostgreSQL, for the leads-inbox
-- benchmark: row for row the data of bench/seed-leads.sql (SQLite), written with generate_series. Dates are the
-- UTC day, as SQLite's date('now') is.
INSERT INTO "ConsultationRequests" (
    "Reference", "IdempotencyKey", "FullName", "Phone", "Email", "PreferredLanguage", "ContactMethod", "PracticeAreaKey",
    "Urgency", "CourtDate", "Description", "Status", "SpamVerdict", "CreatedAt", "SourcePage", "SourceCulture",
    "AcknowledgedNoticeVersion", "IsUnread", "StatusChangedAt", "FollowUpOn", "NoticeVersionId")
SELECT
    'PR-' || substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', (i / 923521) % 31 + 1, 1)
          || substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', (i / 29791) % 31 + 1, 1)
          || substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', (i / 961) % 31 + 1, 1)
          || substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', (i / 31) % 31 + 1, 1)
          || substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', i % 31 + 1, 1)
          || substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', (i * 7) % 31 + 1, 1),
    (lpad(to_hex(i), 8, '0') || '-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid,
    (CASE i % 8 WHEN 0 THEN 'María' WHEN 1 THEN 'José' WHEN 2 THEN 'Amadou' WHEN 3 THEN 'Nguyen' WHEN 4 THEN 'Fatima'
        WHEN 5 THEN 'Luis' WHEN 6 THEN 'Claire' ELSE 'Ana' END) || ' Person' || i,
    '(214) 555-' || lpad((i % 10000)::text, 4, '0'),
    'person' || i || '@example.com',
    CASE i % 3 WHEN 0 THEN 'English' WHEN 1 THEN 'Spanish' ELSE 'French' END,
    CASE i % 4 WHEN 0 THEN 'Phone' WHEN 1 THEN 'TextMessage' WHEN 2 THEN 'Email' ELSE 'NoPreference' END,
    CASE i % 12 WHEN 0 THEN NULL WHEN 1 THEN 'asylum' WHEN 2 THEN 'immigration-court' WHEN 3 THEN 'family-based-visas'
        WHEN 4 THEN 'adjustment-of-status' WHEN 5 THEN 'deferred-action' WHEN 6 THEN 'temporary-protected-status'
        WHEN 7 THEN 'k-1-fiancee-visa' WHEN 8 THEN 'cbp-one-process' WHEN 9 THEN '42b-cancellation-of-removal'
        WHEN 10 THEN 'immigration' ELSE 'special-immigrant-juvenile' END,
    CASE i % 10 WHEN 0 THEN 'Detained' WHEN 1 THEN 'CourtDate' ELSE 'None' END,
    CASE i % 10 WHEN 1 THEN today + i % 60 END,
    'Request number ' || i || ': my family member needs help with an immigration matter in Dallas. '
        || CASE i % 5 WHEN 0 THEN 'He was detained after a traffic stop.' WHEN 1 THEN 'We have a hearing soon.'
           WHEN 2 THEN 'Questions about a green card.' WHEN 3 THEN 'Asking about asylum.' ELSE 'Renewal of work permit.' END,
    CASE WHEN i % 20 = 0 THEN 'Spam' WHEN i % 7 = 0 THEN 'Contacted' WHEN i % 11 = 0 THEN 'ConsultationScheduled'
        WHEN i % 13 = 0 THEN 'Retained' WHEN i % 17 = 0 THEN 'NotRetained' ELSE 'New' END,
    CASE WHEN i % 20 = 0 THEN 'Honeypot' ELSE 'NotSpam' END,
    date_trunc('second', now()) - (i * 630 / 1000) * interval '1 minute',
    '/consultation', 'en', '2026-11-28', i % 3 = 0,
    date_trunc('second', now()) - (i * 630 / 1000) * interval '1 minute',
    -- One request in 40 has a follow-up date, from 20 days ago to 19 days ahead.
    CASE i % 40 WHEN 7 THEN today + ((i / 40) % 40 - 20) END,
    -- The English notice they agreed to: a request without one would be rewritten by the site's start-up backfill.
    notice."Id"
FROM generate_series(1, 100000) AS i, (SELECT (now() AT TIME ZONE 'UTC')::date AS today) AS utc,
    (SELECT "Id" FROM "ConsultationNoticeVersions" WHERE "Culture" = 'en' AND "Number" = 1) AS notice
-- In this order the identity column numbers them as SQLite's rowid does (the newest request has the lowest id).
ORDER BY i;
