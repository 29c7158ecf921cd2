-- wrk script for EndToEndBenchmark: POSTs one pre-signed 1 KiB GitHub delivery, each request with
-- a new X-GitHub-Delivery (run nonce, wrk thread, counter), so that every request is a first
-- delivery. The signature covers only the body, so one header value serves every request.
-- Arguments after "--": path, body file, signature header name, signature value, run nonce.
-- Prints one line: RESULT requests duration_us p99_us non_2xx socket_errors.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

function init(args)
  path = args[1]
  local f = assert(io.open(args[2], "rb"))
  body = f:read("*a")
  f:close()
  signature_header = args[3]
  signature = args[4]
  nonce = args[5]
  counter = 0
  headers = {
    ["Content-Type"] = "application/json",
    ["X-GitHub-Event"] = "push",
  }
  headers[signature_header] = signature
end

function request()
  counter = counter + 1
  headers["X-GitHub-Delivery"] = nonce .. "-" .. tid .. "-" .. counter
  return wrk.format("POST", path, headers, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d\n", summary.requests, summary.duration,
    latency:percentile(99), e.status, e.connect + e.read + e.write + e.timeout))
end
