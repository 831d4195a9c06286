-- The best articles of a tracked window, from its running totals (top-K pushed down).
-- KEYS[1] meta. ARGV: layout hash, W windows, K kinds, window w, its tier and target (read from the list below),
--   limit (-1: all),
--   K kind weights, then per window (4): its tier, its target, its rank by length, its tier's resolution ms.
-- Slides the windows to their targets first (as maintenance would). Returns a flat list: per candidate, article,
-- K counts, last event ms. The candidates are the first `limit` by score plus every article tied with the
-- last of them, so the caller can break ties by last event and id exactly.
local hash = ARGV[1]
local W, K = tonumber(ARGV[2]), tonumber(ARGV[3])
local w, limit = tonumber(ARGV[4]), tonumber(ARGV[7])
local weights = {}
for k = 0, K - 1 do
  weights[k + 1] = ARGV[8 + k]
end
local win = windows_from(8 + K, W, true)
local e = load_meta(hash)
if e then
  return redis.error_reply(e)
end
e = slide_all(win, K)
if e then
  return redis.error_reply(e)
end
local wstr = table.concat(weights, ',')
-- Writes into dest the score (sum of weight x count) of every article of window v's totals: HGETALL of each
-- kind's band of v and of every shorter window, then ZADD in slices. O(articles in the window); runs when a scoring is first used (at most
-- MAX_SCORINGS times per namespace), or per query for scorings beyond those.
local function score_into(dest, v)
  local acc = sums()
  for _, band in ipairs(bands_of(win, v)) do
    for k = 0, K - 1 do
      local cells = redis.call('HGETALL', wkey(band, k))
      local x = tonumber(weights[k + 1])
      for i = 1, #cells, 2 do
        bump(acc, dest, cells[i], tonumber(cells[i + 1]) * x)
      end
    end
  end
  redis.call('DEL', dest)
  apply(acc, true, false)
end
local sid = M['s:' .. wstr]
local key
local temporary = false
if sid == nil then
  local count = tonumber(M['sn'] or '0')
  if count < MAX_SCORINGS then
    -- From now on every add and slide keeps this scoring's sorted set of every window up to date.
    sid = tostring(count)
    for v = 0, W - 1 do
      e = need_window(v, K) or need_zset(wskey(v, sid))
      if e then
        return redis.error_reply(e)
      end
    end
    for v = 0, W - 1 do
      score_into(wskey(v, sid), v)
    end
    redis.call('HSET', META, 's:' .. wstr, sid, 'sn', tostring(count + 1))
    key = wskey(w, sid)
  else
    key = P .. 'tmp'
    e = need_zset(key)
    if e then
      return redis.error_reply(e)
    end
    score_into(key, w)
    temporary = true
  end
else
  key = wskey(w, sid)
end
for _, band in ipairs(bands_of(win, w)) do
  e = e or need_window(band, K)
end
if e then
  return redis.error_reply(e)
end
local ranked
if limit < 0 then
  ranked = redis.call('ZREVRANGE', key, 0, -1, 'WITHSCORES')
else
  ranked = redis.call('ZREVRANGE', key, 0, limit - 1, 'WITHSCORES')
end
local candidates = {}
if limit >= 0 and #ranked == 2 * limit and limit > 0 then
  local boundary = ranked[#ranked]
  for i = 1, #ranked, 2 do
    if tonumber(ranked[i + 1]) > tonumber(boundary) then
      candidates[#candidates + 1] = ranked[i]
    end
  end
  local tied = redis.call('ZRANGEBYSCORE', key, boundary, boundary)
  for _, a in ipairs(tied) do
    candidates[#candidates + 1] = a
  end
else
  for i = 1, #ranked, 2 do
    candidates[#candidates + 1] = ranked[i]
  end
end
if temporary then
  redis.call('DEL', key)
end
local out = {}
if #candidates == 0 then
  return out
end
local counts = {}
for k = 0, K - 1 do
  counts[k] = {}
  for _, band in ipairs(bands_of(win, w)) do
    local part = sliced('HMGET', wkey(band, k), candidates)
    for i = 1, #candidates do
      counts[k][i] = (counts[k][i] or 0) + (tonumber(part[i]) or 0)
    end
  end
end
local lasts = sliced('ZMSCORE', WL, candidates)
for i, a in ipairs(candidates) do
  out[#out + 1] = a
  for k = 0, K - 1 do
    out[#out + 1] = fmt(counts[k][i])
  end
  out[#out + 1] = lasts[i] or '0'
end
return out
