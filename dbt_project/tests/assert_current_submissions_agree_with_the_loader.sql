-- The loader (raw.current_submissions, used to answer "nothing to withdraw") and the marts
-- (int_submissions_current) must mean the same thing by "current".
with

loader as (
    select submission_id from {{ source('vrs_raw', 'current_submissions') }}
),

marts as (
    select submission_id from {{ ref('int_submissions_current') }}
),

only_in_loader as (
    select submission_id from loader
    except
    select submission_id from marts
),

only_in_marts as (
    select submission_id from marts
    except
    select submission_id from loader
)

select
    submission_id,
    'only in raw.current_submissions' as found_in
from only_in_loader
union all
select
    submission_id,
    'only in int_submissions_current' as found_in
from only_in_marts
