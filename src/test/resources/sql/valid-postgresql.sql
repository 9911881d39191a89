select 1
select * from orders where status = :status
select count(*) from orders where created_at > now() - interval '24 hours'
with recent as (select * from orders where created_at > now() - interval '1 day') select status, count(*) from recent group by status
select c.name, x.total from customers c cross join lateral (select sum(total) total from orders o where o.customer_id = c.id) x
select distinct on (customer_id) customer_id, created_at from orders order by customer_id, created_at desc
select id, sum(total) over (partition by customer_id order by created_at rows between unbounded preceding and current row) from orders
select attributes->>'color', attributes->'weight' from products where attributes @> '{"color":"red"}'
select * from products where tags && array['tag1','tag2']
select '42'::int, now()::date, id::text from orders
select $$it's$$ as x
select count(*) filter (where status = 'open') from orders
select status, city, count(*) from orders o join customers c on c.id = o.customer_id group by grouping sets ((status), (city), ())
select * from products where attributes ? 'color'
select generate_series(1, 10)
select * from generate_series(1, 10) g(i)
select date_trunc('hour', created_at) h, count(*) from orders group by 1 order by 1
select percentile_cont(0.5) within group (order by total) from orders
select array_agg(id order by id) from orders
select string_agg(name, ', ') from customers
select jsonb_build_object('a', 1)
select now() at time zone 'UTC'
select extract(epoch from now())
select coalesce(null, 1), nullif(1, 1), greatest(1, 2)
select * from orders where id = any(array[1,2,3])
select * from orders where status in ('open', 'paid') and total between 10 and 20
select * from orders limit 10 offset 5
select * from orders order by id fetch first 5 rows only
select row_number() over w from orders window w as (order by id)
with recursive t(n) as (select 1 union all select n + 1 from t where n < 10) select * from t
select * from customers where name ilike '%a%'
select * from customers where name ~ '^C'
select e'a\nb'
select tags[1] from products
select (attributes #>> '{color}') from products
select * from orders for update skip locked
select current_setting('server_version')
select pg_size_pretty(pg_database_size(current_database()))
select interval '1 day' * 3
select x from unnest(array[1,2]) with ordinality as u(x, n)
values (1, 'a'), (2, 'b')
select * from (values (1), (2)) v(x)
select case when total > 100 then 'big' else 'small' end from orders
explain select * from orders
show server_version
select * from customers c where exists (select 1 from orders o where o.customer_id = c.id)
select id from orders union select id from customers order by 1
select count(distinct customer_id) from orders
select to_char(now(), 'YYYY-MM-DD')
select 1 as "quoted name"
insert into orders (id) values (1) on conflict do nothing returning id
update orders set status = 'x' where id = 1
select * from orders tablesample system (1)
select * from pg_stat_activity
select cast(total as int) from orders
select total::numeric(10,2) from orders
select * from orders o, lateral (select 1) l
select id, lag(total) over (order by id) from orders
select 'a' || 'b'
select 2 ^ 3, 7 % 3, |/ 16
select * from events where payload->>'ok' = 'true' and duration > interval '100 ms'
select now() - interval '1 hour'
select jsonb_path_query(attributes, '$.color') from products
select * from orders where created_at::date = current_date
select 1 from orders group by rollup (status)
select 1 from orders group by cube (status, customer_id)
select x.* from json_to_recordset('[{"a":1}]') as x(a int)
select array[1,2] || 3
select (select max(id) from orders) as m
select $body$ a ; b $body$ as dollar_quoted
select c.name, o.total from customers c join orders o on o.customer_id = c.id where o.status = :status
select count(*) from orders where created_at > :since::timestamptz
select id, total, rank() over (partition by status order by total desc) from orders
select * from customers c left join lateral (select total from orders o where o.customer_id = c.id order by created_at desc limit 1) last on true
select status, count(*) filter (where total > 100) as big from orders group by status having count(*) > 1
select attributes -> 'color' ->> 0, tags @> array['tag1'] from products
select 1 where 'a' is distinct from 'b'
select (payload ->> 'ok')::boolean from events
select id from orders where not (status = any ('{open,paid}'::text[]))
