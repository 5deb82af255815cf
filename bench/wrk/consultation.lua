-- Posts the consultation form as a browser would: the antiforgery cookie and token from one page load
-- (bench.py fetches them and passes them in the environment), and a new idempotency key for every request,
-- so each post stores a new request rather than finding the previous one.
dofile(os.getenv("BENCH_LUA_DIR") .. "/report.lua")

local cookie = os.getenv("BENCH_COOKIE")
local token = os.getenv("BENCH_TOKEN")
local shown_at = os.getenv("BENCH_SHOWN_AT")

local function encode(value)
  return (value:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local function uuid()
  local template = "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx"
  return (template:gsub("[xy]", function(c)
    local v = (c == "x") and math.random(0, 15) or math.random(8, 11)
    return string.format("%x", v)
  end))
end

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
  "Source=%2Fconsultation",
  "Website=",
  "ShownAt=" .. encode(shown_at),
  "__RequestVerificationToken=" .. encode(token),
}, "&")

function setup(thread)
  thread:set("seed", math.random(1, 2147483647))
end

function init(args)
  math.randomseed(seed or os.time())
end

function request()
  local body = fixed .. "&IdempotencyKey=" .. uuid()
  return wrk.format("POST", "/consultation", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = cookie,
  }, body)
end
