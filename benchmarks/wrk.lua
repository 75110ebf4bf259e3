-- wrk script for benchmarks/load.py: requests from a file, one per line, tab-separated:
--   METHOD <tab> PATH <tab> COOKIE <tab> BODY
-- Each thread takes the lines round-robin from its own offset (so postings by different users do not
-- collide); "{n}" in a path becomes a number that grows with every request (never the same URL twice).
-- At the end one line "WRK_JSON {...}" with counts and latency percentiles (ms) for load.py to read.

local lines = {}
local counter = 0
local thread_id = 0
local threads = {}

local function split(line)
    local fields = {}
    for field in (line .. "\t"):gmatch("([^\t]*)\t") do
        table.insert(fields, field)
    end
    return fields
end

function setup(thread)
    thread:set("id", #threads)
    table.insert(threads, thread)
end

function init(args)
    local file = assert(io.open(args[1], "r"))
    for line in file:lines() do
        if line ~= "" then
            table.insert(lines, split(line))
        end
    end
    file:close()
    thread_id = tonumber(id) or 0  -- set by setup() in this thread's state
    counter = thread_id
end

function request()
    local entry = lines[(counter % #lines) + 1]
    counter = counter + 1
    local path = entry[2]:gsub("{n}", tostring(thread_id) .. "-" .. tostring(counter))
    local headers = {}
    if entry[3] ~= nil and entry[3] ~= "" then
        headers["Cookie"] = entry[3]
    end
    local body = nil
    if entry[4] ~= nil and entry[4] ~= "" then
        body = entry[4]
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    end
    return wrk.format(entry[1], path, headers, body)
end

function done(summary, latency, requests)
    local errors = summary.errors
    io.write(string.format(
        'WRK_JSON {"requests": %d, "duration_us": %d, "bytes": %d, "p50": %.3f, "p95": %.3f, "p99": %.3f, ' ..
        '"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}\n',
        summary.requests, summary.duration, summary.bytes,
        latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
        errors.connect, errors.read, errors.write, errors.status, errors.timeout))
end
