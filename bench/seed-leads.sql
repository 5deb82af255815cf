-- Seeds 100,000 consultation requests into a migrated PiriSite database, for the leads-inbox benchmark.
-- Varied like real traffic: statuses, languages, practice areas, urgency, and dates over two years.
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
INSERT INTO ConsultationRequests (
    Reference, IdempotencyKey, FullName, Phone, Email, PreferredLanguage, ContactMethod, PracticeAreaKey,
    Urgency, CourtDate, Description, Status, SpamVerdict, CreatedAt, SourcePage, SourceCulture,
    AcknowledgedNoticeVersion, IsUnread, StatusChangedAt, FollowUpOn, NoticeVersionId)
SELECT
    'PR-' || substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', (i / 923521) % 31 + 1, 1)
          || substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', (i / 29791) % 31 + 1, 1)
          || substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', (i / 961) % 31 + 1, 1)
          || substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', (i / 31) % 31 + 1, 1)
          || substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', i % 31 + 1, 1)
          || substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', (i * 7) % 31 + 1, 1),
    upper(printf('%08x-0000-4000-8000-%012x', i, i)),
    (CASE i % 8 WHEN 0 THEN 'María' WHEN 1 THEN 'José' WHEN 2 THEN 'Amadou' WHEN 3 THEN 'Nguyen' WHEN 4 THEN 'Fatima'
        WHEN 5 THEN 'Luis' WHEN 6 THEN 'Claire' ELSE 'Ana' END) || ' Person' || i,
    printf('(214) 555-%04d', i % 10000),
    'person' || i || '@example.com',
    CASE i % 3 WHEN 0 THEN 'English' WHEN 1 THEN 'Spanish' ELSE 'French' END,
    CASE i % 4 WHEN 0 THEN 'Phone' WHEN 1 THEN 'TextMessage' WHEN 2 THEN 'Email' ELSE 'NoPreference' END,
    CASE i % 12 WHEN 0 THEN NULL WHEN 1 THEN 'asylum' WHEN 2 THEN 'immigration-court' WHEN 3 THEN 'family-based-visas'
        WHEN 4 THEN 'adjustment-of-status' WHEN 5 THEN 'deferred-action' WHEN 6 THEN 'temporary-protected-status'
        WHEN 7 THEN 'k-1-fiancee-visa' WHEN 8 THEN 'cbp-one-process' WHEN 9 THEN '42b-cancellation-of-removal'
        WHEN 10 THEN 'immigration' ELSE 'special-immigrant-juvenile' END,
    CASE i % 10 WHEN 0 THEN 'Detained' WHEN 1 THEN 'CourtDate' ELSE 'None' END,
    CASE i % 10 WHEN 1 THEN date('now', '+' || (i % 60) || ' days') ELSE NULL END,
    'Request number ' || i || ': my family member needs help with an immigration matter in Dallas. '
        || CASE i % 5 WHEN 0 THEN 'He was detained after a traffic stop.' WHEN 1 THEN 'We have a hearing soon.'
           WHEN 2 THEN 'Questions about a green card.' WHEN 3 THEN 'Asking about asylum.' ELSE 'Renewal of work permit.' END,
    CASE WHEN i % 20 = 0 THEN 'Spam' WHEN i % 7 = 0 THEN 'Contacted' WHEN i % 11 = 0 THEN 'ConsultationScheduled'
        WHEN i % 13 = 0 THEN 'Retained' WHEN i % 17 = 0 THEN 'NotRetained' ELSE 'New' END,
    CASE WHEN i % 20 = 0 THEN 'Honeypot' ELSE 'NotSpam' END,
    strftime('%Y-%m-%d %H:%M:%S', 'now', '-' || (i * 630 / 1000) || ' minutes'),
    '/consultation', 'en', '2026-11-28', i % 3 = 0,
    strftime('%Y-%m-%d %H:%M:%S', 'now', '-' || (i * 630 / 1000) || ' minutes'),
    -- One request in 40 has a follow-up date, from 20 days ago to 19 days ahead.
    CASE i % 40 WHEN 7 THEN date('now', ((i / 40) % 40 - 20) || ' days') ELSE NULL END,
    -- The English notice they agreed to: a request without one would be rewritten by the site's start-up backfill.
    (SELECT Id FROM ConsultationNoticeVersions WHERE Culture = 'en' AND Number = 1)
FROM n;
