-- Posts the consultation form as a browser would: the antiforgery cookie and token from one page load
-- (bench.py fetches them and passes them in the environment), and a new idempotency key for every request,
-- so each post stores a new request rather than finding the previous one.
dofile(os.getenv("BENCH_LUA_DIR") .. "/report.lua")

local cookie = os.getenv("BENCH_COOKIE")
local token = os.getenv("BENCH_TOKEN")
local shown_at = os.getenv("BENCH_SHOWN_AT")
-- The version of the consultation notice the form showed: the request records which one the person accepted.
local notice_version = os.getenv("BENCH_NOTICE_VERSION")

local function encode(value)
  return (value:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

-- Idempotency keys unique across threads and runs: this run's random prefix (from bench.py), the thread's
-- number and a counter. (math.random would repeat the same keys in every run, and the site would rightly
-- answer those posts from the requests already stored.)
local run_id = os.getenv("BENCH_RUN_ID")
local counter = 0

local fixed = table.concat({
  "FullName=" .. encode("María José Hernández"),
  "Phone=" .. encode("(214) 555-0142"),
  "Email=" .. encode("maria.hernandez@example.com"),
  "PreferredLanguage=Spanish",
  "ContactMethod=Phone",
  "PracticeArea=immigration-court",
  "Urgency=Detained",
  "CourtDate=",
  "Description=" .. encode("My brother was detained by ICE this morning after a traffic stop in Irving."),
  "Acknowledged=true",
  "NoticeVersion=" .. encode(notice_version),
  "Source=%2Fconsultation",
  "Website=",
  "ShownAt=" .. encode(shown_at),
  "__RequestVerificationToken=" .. encode(token),
}, "&")

local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function request()
  counter = counter + 1
  local key = string.format("%s-%04x-4000-8000-%012x", run_id, thread_number or 0, counter) -- thread_number: set by setup()
  local body = fixed .. "&IdempotencyKey=" .. key
  return wrk.format("POST", "/consultation", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = cookie,
  }, body)
end
