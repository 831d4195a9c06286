-- Shared by every ranking script of RedisCounterStore. KEYS[1] is always the namespace's meta key,
-- "<prefix>meta", where the prefix is "mh:{<namespace>}:" (one hash tag: every key lives in one Cluster slot).
-- Key layout (t: tier position, b: bucket index in that tier, k: kind position, w: tracked window position):
--   meta          hash  layout (text), hash (SHA-1 of the text), v (1), roll:<w> (first bucket in the running
--                       totals of window w; none yet: every bucket), s:<weights> (id of a maintained scoring), sn (scorings so far),
--                       rebuild:<w> (set when the hash was recreated over left buckets: recount window w at its next slide)
--   c:<t>:<b>:<k> zset  article -> count of kind k in bucket b of tier t
--   l:<t>:<b>     zset  article -> latest event time (epoch ms) in that bucket
--   r:<t>         zset  bucket index -> itself: the buckets of tier t written and not yet freed
--   w:<w>:<k>     zset  article -> running total of kind k over window w (only positive counts)
--   wl:<w>        zset  article -> latest event time in window w (every article with a count in it)
--   ws:<w>:<sid>  zset  article -> score under scoring sid over window w (every article of wl:<w>)
--   ok:<batch>:<chunk>  string  idempotency marker of an applied chunk
local META = KEYS[1]
local P = string.sub(META, 1, #META - 4)
local MAX_SCORINGS = 8

local function fmt(n) return string.format('%.0f', n) end
local function ckey(t, b, k) return P .. 'c:' .. t .. ':' .. b .. ':' .. k end
local function lkey(t, b) return P .. 'l:' .. t .. ':' .. b end
local function rkey(t) return P .. 'r:' .. t end
local function wkey(w, k) return P .. 'w:' .. w .. ':' .. k end
local function wlkey(w) return P .. 'wl:' .. w end
local function wskey(w, sid) return P .. 'ws:' .. w .. ':' .. sid end

-- The meta hash as a table, its scorings as a list of {sid, weights}, or an error text.
local M = {}
local S = {}
local function load_meta(hash)
  local t = redis.call('TYPE', META).ok
  if t == 'none' then
    return 'MASTHEAD-NOMETA the namespace has no layout yet (new, or Redis restarted empty)'
  end
  if t ~= 'hash' then
    return 'MASTHEAD-WRONGTYPE ' .. META .. ' holds a ' .. t .. ', not the hash of the namespace layout'
  end
  local all = redis.call('HGETALL', META)
  for i = 1, #all, 2 do
    M[all[i]] = all[i + 1]
  end
  if M['hash'] ~= hash then
    return 'MASTHEAD-LAYOUT ' .. tostring(M['layout'])
  end
  for f, v in pairs(M) do
    if string.sub(f, 1, 2) == 's:' then
      local w = {}
      for x in string.gmatch(string.sub(f, 3), '[^,]+') do
        w[#w + 1] = tonumber(x)
      end
      S[#S + 1] = {sid = v, w = w}
    end
  end
  table.sort(S, function(a, b) return a.sid < b.sid end)
  return nil
end

local checked = {}
local function need_zset(k)
  if checked[k] then
    return nil
  end
  local t = redis.call('TYPE', k).ok
  if t ~= 'zset' and t ~= 'none' then
    return 'MASTHEAD-WRONGTYPE ' .. k .. ' holds a ' .. t .. ', not a sorted set'
  end
  checked[k] = true
  return nil
end

local function need_window(w, K)
  local e = need_zset(wlkey(w))
  for k = 0, K - 1 do
    e = e or need_zset(wkey(w, k))
  end
  for _, s in ipairs(S) do
    e = e or need_zset(wskey(w, s.sid))
  end
  return e
end

-- Recounts the running totals of window w from the buckets of tier tw from `from` on.
local function rebuild(w, tw, from, K)
  for k = 0, K - 1 do
    redis.call('DEL', wkey(w, k))
  end
  redis.call('DEL', wlkey(w))
  for _, s in ipairs(S) do
    redis.call('DEL', wskey(w, s.sid))
  end
  local buckets = redis.call('ZRANGEBYSCORE', rkey(tw), from, '+inf')
  for _, b in ipairs(buckets) do
    for k = 0, K - 1 do
      local cells = redis.call('ZRANGE', ckey(tw, b, k), 0, -1, 'WITHSCORES')
      for i = 1, #cells, 2 do
        local a, n = cells[i], tonumber(cells[i + 1])
        redis.call('ZINCRBY', wkey(w, k), n, a)
        for _, s in ipairs(S) do
          redis.call('ZINCRBY', wskey(w, s.sid), n * s.w[k + 1], a)
        end
      end
    end
    local lasts = redis.call('ZRANGE', lkey(tw, b), 0, -1, 'WITHSCORES')
    for i = 1, #lasts, 2 do
      redis.call('ZADD', wlkey(w), 'GT', lasts[i + 1], lasts[i])
    end
  end
end

-- Slides window w (of tier tw) so that its totals hold the buckets from `target` on: each bucket that leaves
-- is subtracted exactly once, because the pointer roll:<w> moves in the same atomic step. A target at or
-- before the pointer changes nothing. If a bucket that should leave has already expired (every engine was
-- down past its end of life), the totals are recounted from the buckets that remain.
local function slide(w, tw, target, K)
  if M['rebuild:' .. w] then -- the meta hash was recreated over buckets left behind: recount once
    local e = need_window(w, K)
    if e then
      return e
    end
    rebuild(w, tw, target, K)
    redis.call('HDEL', META, 'rebuild:' .. w)
    M['rebuild:' .. w] = nil
    redis.call('HSET', META, 'roll:' .. w, fmt(target))
    M['roll:' .. w] = fmt(target)
    return nil
  end
  local roll = tonumber(M['roll:' .. w])
  if roll ~= nil and target <= roll then
    return nil
  end
  local e = need_window(w, K)
  if e then
    return e
  end
  -- No pointer yet: the totals hold every bucket written (a new namespace starts empty).
  local leaving = redis.call('ZRANGEBYSCORE', rkey(tw), roll == nil and '-inf' or fmt(roll), '(' .. fmt(target))
  local intact = true
  for _, b in ipairs(leaving) do
    if redis.call('EXISTS', lkey(tw, b)) == 0 then
      intact = false
    end
  end
  if not intact then
    rebuild(w, tw, target, K)
  else
    for _, b in ipairs(leaving) do
      local touched = {}
      local seen = {}
      for k = 0, K - 1 do
        local cells = redis.call('ZRANGE', ckey(tw, b, k), 0, -1, 'WITHSCORES')
        for i = 1, #cells, 2 do
          local a, n = cells[i], tonumber(cells[i + 1])
          local left = tonumber(redis.call('ZINCRBY', wkey(w, k), -n, a))
          if left <= 0 then
            redis.call('ZREM', wkey(w, k), a)
          end
          for _, s in ipairs(S) do
            local x = n * s.w[k + 1]
            if x ~= 0 then
              redis.call('ZINCRBY', wskey(w, s.sid), -x, a)
            end
          end
          if not seen[a] then
            seen[a] = true
            touched[#touched + 1] = a
          end
        end
      end
      for _, a in ipairs(touched) do
        local any = false
        for k = 0, K - 1 do
          if redis.call('ZSCORE', wkey(w, k), a) then
            any = true
            break
          end
        end
        if not any then
          redis.call('ZREM', wlkey(w), a)
          for _, s in ipairs(S) do
            redis.call('ZREM', wskey(w, s.sid), a)
          end
        end
      end
    end
  end
  redis.call('HSET', META, 'roll:' .. w, fmt(target))
  M['roll:' .. w] = fmt(target)
  return nil
end

-- Calls a command taking a key and many members in slices, so that unpack stays within Lua's stack.
local function sliced(cmd, key, members)
  local out = {}
  local i = 1
  while i <= #members do
    local j = math.min(i + 999, #members)
    local part = redis.call(cmd, key, unpack(members, i, j))
    for _, v in ipairs(part) do
      out[#out + 1] = v
    end
    i = j + 1
  end
  return out
end
