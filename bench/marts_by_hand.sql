-- The eleven marts of dbt_project/, written by hand as one DuckDB script (benchmark baseline,
-- see bench/dbt_vs_sql.py; tests/unit/bench/test_marts_by_hand.py keeps it equal to dbt).
--
-- Reads the raw layer (schema raw, every value VARCHAR as submitted) and the seed CSVs
-- (dbt_project/seeds/..., relative to the repository root: run it from there, or
-- `set file_search_path = '<repo>'` first); writes schema byhand. No dbt, no Python.
--
-- Same semantics as the dbt models: current version of each state x agency x period only;
-- values cleaned (surrounding Unicode space, blank = NULL) and typed with the package's
-- declared date format and decimal comma; codes and countries matched on the normalised
-- spelling (macros normalise_text / normalise_country), "unmapped" / XXX / "unknown" where
-- the models put them; multi-valued cells split on ";" or "|"; routes on ">", "->", "=>",
-- "→"; legs from route_legs where given, else consecutive route countries; fees in US
-- dollars at the detection year's rate; age groups parsed as contracts/ages.py does.
--
-- Unlike the models it resolves each distinct value once, only for current reports, and
-- computes only what the marts need (no intermediate or unmapped-value tables).

begin transaction;

-- ------------------------------------------------------------------------------------------
-- Readings of values (the SQL of macros/parse_values.sql and macros/normalise_*.sql)

create or replace temp macro clean_text(x) as
    nullif(regexp_replace(x, '^[\s\p{Z}]+|[\s\p{Z}]+$', '', 'g'), '');

create or replace temp macro norm_text(x) as
    coalesce(
        nullif(trim(regexp_replace(lower(strip_accents(x)), '[^\p{L}\p{N}]+', ' ', 'g')), ''),
        lower(regexp_replace(x, '^[\s\p{Z}]+|[\s\p{Z}]+$', '', 'g'))
    );

-- normalise_country of a value already through norm_text
create or replace temp macro country_key(n) as
    case when regexp_full_match(n, '\d+') then coalesce(nullif(ltrim(n, '0'), ''), '0') else n end;

create or replace temp macro parse_number(x, dc) as
    case
        when dc and contains(x, '.') then null
        when regexp_full_match(
            case when dc then replace(x, ',', '.') else x end, '(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?'
        )
            then try_cast(case when dc then replace(x, ',', '.') else x end as double)
    end;

-- a parsed number as a count: whole, at most 2^53
create or replace temp macro as_count(n) as
    case when n = floor(n) and n <= 9007199254740992 then cast(n as bigint) end;

create or replace temp macro parse_date(x, fmt) as
    cast(coalesce(
        try_strptime(x, '%Y-%m-%d'),
        case fmt
            when 'DD/MM/YYYY' then try_strptime(x, '%d/%m/%Y')
            when 'MM/DD/YYYY' then try_strptime(x, '%m/%d/%Y')
        end
    ) as date);

create or replace temp macro split_multi(x) as
    string_split(regexp_replace(x, '[;|]', ';', 'g'), ';');

create or replace temp macro split_route(x) as
    string_split(regexp_replace(x, '[-=]*>|→', '>', 'g'), '>');

-- ------------------------------------------------------------------------------------------
-- Seeds, straight from the CSV files

create or replace temp table code_terms as
with lists as (
    select
        regexp_extract(filename, '([a-z_]+)\.csv$', 1) as codelist,
        code, label_en, label_fr, label_es, synonyms
    from read_csv(
        [
            'dbt_project/seeds/codelists/action.csv',
            'dbt_project/seeds/codelists/agency_type.csv',
            'dbt_project/seeds/codelists/aggravating.csv',
            'dbt_project/seeds/codelists/border_type.csv',
            'dbt_project/seeds/codelists/concealment.csv',
            'dbt_project/seeds/codelists/conveyance.csv',
            'dbt_project/seeds/codelists/counting_unit.csv',
            'dbt_project/seeds/codelists/detection_location.csv',
            'dbt_project/seeds/codelists/detection_stage.csv',
            'dbt_project/seeds/codelists/direction.csv',
            'dbt_project/seeds/codelists/document_type.csv',
            'dbt_project/seeds/codelists/fee_basis.csv',
            'dbt_project/seeds/codelists/fraud_type.csv',
            'dbt_project/seeds/codelists/group_structure.csv',
            'dbt_project/seeds/codelists/indicator.csv',
            'dbt_project/seeds/codelists/justice_stage.csv',
            'dbt_project/seeds/codelists/narrative_topic.csv',
            'dbt_project/seeds/codelists/obs_status.csv',
            'dbt_project/seeds/codelists/payment_method.csv',
            'dbt_project/seeds/codelists/payment_timing.csv',
            'dbt_project/seeds/codelists/related_offence.csv',
            'dbt_project/seeds/codelists/request_outcome.csv',
            'dbt_project/seeds/codelists/request_type.csv',
            'dbt_project/seeds/codelists/role.csv',
            'dbt_project/seeds/codelists/sex.csv',
            'dbt_project/seeds/codelists/technology.csv',
            'dbt_project/seeds/codelists/transport_mode.csv',
            'dbt_project/seeds/codelists/yes_no.csv'
        ],
        header = true, all_varchar = true, union_by_name = true, filename = true
    )
),

terms as (
    select
        codelist,
        code,
        unnest([code, label_en, label_fr, label_es] || coalesce(string_split(synonyms, '|'), []))
            as term
    from lists
)

select distinct codelist, code, norm_text(term) as term_norm
from terms
where nullif(trim(term), '') is not null;

create or replace temp table country_terms as
select distinct country_key(norm_text(name)) as term_norm, iso3
from read_csv(
    'dbt_project/seeds/reference/country_names.csv', header = true,
    columns = {'name': 'varchar', 'iso3': 'varchar', 'source': 'varchar'}
);

create or replace temp table fx as
select currencies.currency, fx_rates.year, fx_rates.lcu_per_usd
from read_csv(
    'dbt_project/seeds/reference/currencies.csv', header = true,
    columns = {'currency': 'varchar', 'name': 'varchar', 'rate_economy': 'varchar', 'is_usd': 'boolean'}
) as currencies
inner join read_csv(
    'dbt_project/seeds/reference/fx_rates.csv', header = true,
    columns = {'economy': 'varchar', 'year': 'integer', 'lcu_per_usd': 'double'}
) as fx_rates on currencies.rate_economy = fx_rates.economy
where fx_rates.lcu_per_usd > 0;

-- ------------------------------------------------------------------------------------------
-- Current reports, and their rows cleaned and typed

-- latest accepted version of each state x agency x period, unless it withdraws the report
create or replace temp table cur as
select * exclude (recency)
from (
    select
        *,
        row_number() over (partition by reporting_state, agency_key, period order by version desc)
            as recency
    from raw.submissions
    where status = 'accepted'
)
where recency = 1 and action = 'replace';

-- how each current package wrote each table (decimal commas)
create or replace temp table dc as
select cur.submission_id, t.table_name, coalesce(t.decimal_comma, false) as decimal_comma
from cur inner join raw.submission_tables as t on cur.submission_id = t.submission_id;

create or replace temp table inc as
with cleaned as (
    select
        cur.reporting_state, cur.reporting_agency, cur.agency_key, cur.period, cur.period_start,
        cur.period_end, cur.period_type, cur.benefit_required, cur.date_format,
        coalesce(dc.decimal_comma, false) as decimal_comma,
        s.submission_id,
        clean_text(s.incident_ref) as incident_ref,
        clean_text(s.detection_date) as detection_date_raw,
        clean_text(s.detection_stage) as detection_stage_raw,
        clean_text(s.detection_country) as detection_country_raw,
        clean_text(s.route) as route_raw,
        clean_text(s.transport_mode) as transport_mode_raw,
        clean_text(s.conveyance) as conveyance_raw,
        clean_text(s.concealment) as concealment_raw,
        clean_text(s.migrants_total) as migrants_total_raw,
        clean_text(s.migrants_deceased) as migrants_deceased_raw,
        clean_text(s.migrants_missing) as migrants_missing_raw,
        clean_text(s.migrants_injured) as migrants_injured_raw,
        clean_text(s.unaccompanied_minors) as unaccompanied_minors_raw,
        clean_text(s.smugglers_detected) as smugglers_detected_raw,
        clean_text(s.fee_per_migrant) as fee_per_migrant_raw,
        upper(clean_text(s.fee_currency)) as fee_currency,
        clean_text(s.fee_basis) as fee_basis_raw,
        clean_text(s.payment_method) as payment_method_raw,
        clean_text(s.payment_timing) as payment_timing_raw,
        clean_text(s.related_offences) as related_offences_raw,
        clean_text(s.technology) as technology_raw,
        clean_text(s.aggravating) as aggravating_raw
    from raw.incidents as s
    inner join cur on s.submission_id = cur.submission_id
    left join dc on s.submission_id = dc.submission_id and dc.table_name = 'incidents'
),

numbers as (
    select
        * exclude (
            migrants_total_raw, migrants_deceased_raw, migrants_missing_raw,
            migrants_injured_raw, unaccompanied_minors_raw, smugglers_detected_raw,
            fee_per_migrant_raw, detection_date_raw
        ),
        md5(concat_ws('|', reporting_state, agency_key, period, incident_ref)) as incident_key,
        -- the time part of an Excel datetime goes
        parse_date(
            regexp_replace(detection_date_raw, '[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$', ''),
            date_format
        ) as detection_date,
        parse_number(migrants_total_raw, decimal_comma) as n_total,
        parse_number(migrants_deceased_raw, decimal_comma) as n_deceased,
        parse_number(migrants_missing_raw, decimal_comma) as n_missing,
        parse_number(migrants_injured_raw, decimal_comma) as n_injured,
        parse_number(unaccompanied_minors_raw, decimal_comma) as n_unaccompanied,
        parse_number(smugglers_detected_raw, decimal_comma) as n_smugglers,
        parse_number(fee_per_migrant_raw, decimal_comma) as fee_per_migrant
    from cleaned
)

select
    * exclude (n_total, n_deceased, n_missing, n_injured, n_unaccompanied, n_smugglers),
    as_count(n_total) as migrants_total,
    as_count(n_deceased) as migrants_deceased,
    as_count(n_missing) as migrants_missing,
    as_count(n_injured) as migrants_injured,
    as_count(n_unaccompanied) as unaccompanied_minors,
    as_count(n_smugglers) as smugglers_detected
from numbers;

-- route members in order, and members of the multi-valued columns
create or replace temp table route_members as
select incident_key, position, clean_text(member) as member
from (
    select
        incident_key,
        unnest(split_route(route_raw)) as member,
        generate_subscripts(split_route(route_raw), 1) as position
    from inc
);

create or replace temp table multi_members as
select incident_key, codelist, clean_text(member) as member
from (
    select incident_key, 'related_offence' as codelist, unnest(split_multi(related_offences_raw)) as member
    from inc
    union all
    select incident_key, 'technology', unnest(split_multi(technology_raw)) from inc
    union all
    select incident_key, 'aggravating', unnest(split_multi(aggravating_raw)) from inc
);

create or replace temp table legs as
select
    inc.incident_key,
    clean_text(s.from_country) as from_country_raw,
    clean_text(s.to_country) as to_country_raw,
    clean_text(s.transport_mode) as transport_mode_raw
from raw.route_legs as s
inner join inc
    on s.submission_id = inc.submission_id and clean_text(s.incident_ref) = inc.incident_ref;

create or replace temp table mig as
select
    cur.reporting_state, cur.period, cur.period_start, cur.period_end, cur.period_type,
    clean_text(s.citizenship) as citizenship_raw,
    clean_text(s.sex) as sex_raw,
    clean_text(s.age_group) as age_group_raw,
    clean_text(s.unaccompanied) as unaccompanied_raw,
    as_count(parse_number(clean_text(s.value), coalesce(dc.decimal_comma, false))) as persons
from raw.smuggled_migrants as s
inner join cur on s.submission_id = cur.submission_id
left join dc on s.submission_id = dc.submission_id and dc.table_name = 'smuggled_migrants';

create or replace temp table smg as
select
    cur.reporting_state, cur.period, cur.period_start, cur.period_end, cur.period_type,
    clean_text(s.citizenship) as citizenship_raw,
    clean_text(s.sex) as sex_raw,
    clean_text(s.age_group) as age_group_raw,
    clean_text(s.role) as role_raw,
    clean_text(s.justice_stage) as justice_stage_raw,
    clean_text(s.group_structure) as group_structure_raw,
    as_count(parse_number(clean_text(s.value), coalesce(dc.decimal_comma, false))) as persons
from raw.smugglers as s
inner join cur on s.submission_id = cur.submission_id
left join dc on s.submission_id = dc.submission_id and dc.table_name = 'smugglers';

create or replace temp table bev as
select
    cur.reporting_state, cur.period, cur.period_start, cur.period_end, cur.period_type,
    clean_text(s.indicator) as indicator_raw,
    clean_text(s.counting_unit) as counting_unit_raw,
    clean_text(s.border_type) as border_type_raw,
    clean_text(s.detection_location) as detection_location_raw,
    clean_text(s.citizenship) as citizenship_raw,
    clean_text(s.sex) as sex_raw,
    clean_text(s.age_group) as age_group_raw,
    clean_text(s.obs_status) as obs_status_raw,
    as_count(parse_number(clean_text(s.value), coalesce(dc.decimal_comma, false))) as value
from raw.border_events as s
inner join cur on s.submission_id = cur.submission_id
left join dc on s.submission_id = dc.submission_id and dc.table_name = 'border_events';

create or replace temp table doc as
select
    cur.reporting_state, cur.period, cur.period_start, cur.period_end, cur.period_type,
    clean_text(s.document_type) as document_type_raw,
    clean_text(s.fraud_type) as fraud_type_raw,
    clean_text(s.issuing_country) as issuing_country_raw,
    clean_text(s.holder_citizenship) as holder_citizenship_raw,
    clean_text(s.border_type) as border_type_raw,
    as_count(parse_number(clean_text(s.value), coalesce(dc.decimal_comma, false))) as documents
from raw.fraudulent_documents as s
inner join cur on s.submission_id = cur.submission_id
left join dc on s.submission_id = dc.submission_id and dc.table_name = 'fraudulent_documents';

create or replace temp table coop as
select
    cur.reporting_state, cur.period, cur.period_start, cur.period_end, cur.period_type,
    clean_text(s.request_type) as request_type_raw,
    clean_text(s.direction) as direction_raw,
    clean_text(s.counterpart_state) as counterpart_state_raw,
    clean_text(s.outcome) as outcome_raw,
    as_count(parse_number(clean_text(s.value), coalesce(dc.decimal_comma, false))) as requests
from raw.cooperation as s
inner join cur on s.submission_id = cur.submission_id
left join dc on s.submission_id = dc.submission_id and dc.table_name = 'cooperation';

-- ------------------------------------------------------------------------------------------
-- Each distinct value resolved once: codes ("unmapped" when no spelling of the list matches),
-- countries (NULL when none does), age groups

create or replace temp table codes as
with submitted as (
    select distinct codelist, value_raw
    from (
        select 'detection_stage' as codelist, detection_stage_raw as value_raw from inc
        union all select 'transport_mode', transport_mode_raw from inc
        union all select 'conveyance', conveyance_raw from inc
        union all select 'concealment', concealment_raw from inc
        union all select 'fee_basis', fee_basis_raw from inc
        union all select 'payment_method', payment_method_raw from inc
        union all select 'payment_timing', payment_timing_raw from inc
        union all select codelist, member from multi_members
        union all select 'transport_mode', transport_mode_raw from legs
        union all select 'sex', sex_raw from mig
        union all select 'yes_no', unaccompanied_raw from mig
        union all select 'sex', sex_raw from smg
        union all select 'role', role_raw from smg
        union all select 'justice_stage', justice_stage_raw from smg
        union all select 'group_structure', group_structure_raw from smg
        union all select 'indicator', indicator_raw from bev
        union all select 'counting_unit', counting_unit_raw from bev
        union all select 'border_type', border_type_raw from bev
        union all select 'detection_location', detection_location_raw from bev
        union all select 'sex', sex_raw from bev
        union all select 'obs_status', obs_status_raw from bev
        union all select 'document_type', document_type_raw from doc
        union all select 'fraud_type', fraud_type_raw from doc
        union all select 'border_type', border_type_raw from doc
        union all select 'request_type', request_type_raw from coop
        union all select 'direction', direction_raw from coop
        union all select 'request_outcome', outcome_raw from coop
    )
    where value_raw is not null
)

select submitted.codelist, submitted.value_raw, coalesce(code_terms.code, 'unmapped') as code
from submitted
left join code_terms
    on submitted.codelist = code_terms.codelist and norm_text(submitted.value_raw) = code_terms.term_norm;

create or replace temp table countries as
with submitted as (
    select distinct value_raw
    from (
        select detection_country_raw as value_raw from inc
        union all select member from route_members
        union all select from_country_raw from legs
        union all select to_country_raw from legs
        union all select citizenship_raw from mig
        union all select citizenship_raw from smg
        union all select citizenship_raw from bev
        union all select issuing_country_raw from doc
        union all select holder_citizenship_raw from doc
        union all select counterpart_state_raw from coop
    )
    where value_raw is not null
)

select submitted.value_raw, country_terms.iso3
from submitted
left join country_terms on country_key(norm_text(submitted.value_raw)) = country_terms.term_norm;

-- contracts/ages.py in SQL: text prepared the same way (accents, case, dashes, <= >=,
-- apostrophes, white space), then the same patterns tried in the same order
create or replace temp table ages as
with submitted as (
    select distinct age_group_raw as value_raw
    from (
        select age_group_raw from mig
        union all select age_group_raw from smg
        union all select age_group_raw from bev
    )
    where age_group_raw is not null
),

prepared as (
    select
        value_raw,
        trim(regexp_replace(
            regexp_replace(
                replace(replace(
                    regexp_replace(lower(strip_accents(value_raw)), '[\x{2010}-\x{2015}\x{2212}]', '-', 'g'),
                    '≤', '<='), '≥', '>='),
                '[''’]', ' ', 'g'),
            '[\s\x{0B}\x{85}\p{Z}]+', ' ', 'g'
        )) as t
    from submitted
),

matched as (
    -- _YEARS of contracts/ages.py, written out in each pattern: (?:\s*(?:years?|yrs?|y/?o|ans|anos|a))?
    select
        value_raw,
        regexp_extract(
            t, '^(\d{1,3})(?:\s*(?:years?|yrs?|y/?o|ans|anos|a))?\s*(?:-|to|a|au|al)\s*(\d{1,3})(?:\s*(?:years?|yrs?|y/?o|ans|anos|a))?$', ['lo', 'hi']
        ) as m_band,
        regexp_extract(t, '^(?:<|under|below|less than|moins de|menos de)\s*(\d{1,3})(?:\s*(?:years?|yrs?|y/?o|ans|anos|a))?$', 1)
            as m_below,
        regexp_extract(t, '^(?:<=|up to|jusqu a|hasta)\s*(\d{1,3})(?:\s*(?:years?|yrs?|y/?o|ans|anos|a))?$', 1) as m_up_to,
        regexp_extract(
            t,
            '^(\d{1,3})(?:\s*(?:years?|yrs?|y/?o|ans|anos|a))?\s*(?:\+|and over|and above|or over|or more|and older|et plus|ou plus|y mas|o mas|y more)$',
            1
        ) as m_above,
        regexp_extract(t, '^(?:>|over|more than|plus de|mas de)\s*(\d{1,3})(?:\s*(?:years?|yrs?|y/?o|ans|anos|a))?$', 1) as m_over,
        regexp_extract(t, '^(?:>=)\s*(\d{1,3})(?:\s*(?:years?|yrs?|y/?o|ans|anos|a))?$', 1) as m_at_least,
        regexp_extract(t, '^(\d{1,3})(?:\s*(?:years?|yrs?|y/?o|ans|anos|a))?$', 1) as m_single,
        regexp_matches(t, '^(?:minors?|mineure?s?|menor(?:es)?|child(?:ren)?|enfants?|ninos?|under ?age)$')
            as m_minor,
        regexp_matches(t, '^(?:adults?|adultes?|adultos?|adulte?s?)$') as m_adult,
        regexp_matches(
            t,
            '^(?:unknown|inconnue?|desconocid[oa]|not known|not stated|unspecified|non precise|no consta|nk|n/k|n/a|\?)$'
        ) as is_unknown
    from prepared
),

bounds as (
    select
        value_raw,
        is_unknown,
        case
            when m_band.lo != '' then m_band.lo::integer
            when m_below != '' or m_up_to != '' then 0
            when m_above != '' then m_above::integer
            when m_over != '' then m_over::integer + 1
            when m_at_least != '' then m_at_least::integer
            when m_single != '' then m_single::integer
            when m_minor then 0
            when m_adult then 18
        end as age_min,
        case
            when m_band.lo != '' then m_band.hi::integer
            when m_below != '' then m_below::integer - 1
            when m_up_to != '' then m_up_to::integer
            when m_single != '' then m_single::integer
            when m_minor then 17
        end as age_max
    from matched
),

classified as (
    select
        value_raw,
        age_min,
        age_max,
        case
            when is_unknown then 'unknown'
            when age_min is null then 'unparsed'
            when coalesce(age_max < age_min or age_min > 120 or age_max > 120 or age_max < 0, false)
                then 'invalid'
            else 'ok'
        end as status
    from bounds
)

select
    value_raw,
    case
        when status = 'ok' and coalesce(age_max < 18, false) then 'minor'
        when status = 'ok' and age_min >= 18 then 'adult'
        else 'unknown'
    end as age_class
from classified;

-- ------------------------------------------------------------------------------------------
-- Marts

create schema if not exists byhand;

create or replace table byhand.dim_country as
select iso3, iso2, m49_code, name_en, name_fr, name_es, region, subregion, is_special
from read_csv(
    'dbt_project/seeds/reference/countries.csv', header = true,
    columns = {
        'iso3': 'varchar', 'iso2': 'varchar', 'm49_code': 'integer', 'name_en': 'varchar',
        'name_fr': 'varchar', 'name_es': 'varchar', 'region': 'varchar', 'subregion': 'varchar',
        'is_special': 'boolean'
    }
);

create or replace table byhand.fct_incidents as
with routes as (
    select
        route_members.incident_key,
        list(coalesce(countries.iso3, 'XXX') order by route_members.position) as route_countries
    from route_members
    left join countries on route_members.member = countries.value_raw
    where route_members.member is not null
    group by route_members.incident_key
),

described as (
    select
        incident_key,
        route_countries,
        array_to_string(route_countries, '>') as route_key,
        route_countries[1] as origin_country,
        route_countries[-1] as destination_country,
        greatest(len(route_countries) - 2, 0) as n_transit_countries
    from routes
),

multi as (
    select
        multi_members.incident_key,
        list(distinct codes.code order by codes.code)
            filter (where multi_members.codelist = 'related_offence') as related_offences,
        list(distinct codes.code order by codes.code)
            filter (where multi_members.codelist = 'technology') as technology,
        list(distinct codes.code order by codes.code)
            filter (where multi_members.codelist = 'aggravating') as aggravating
    from multi_members
    inner join codes
        on multi_members.codelist = codes.codelist and multi_members.member = codes.value_raw
    group by multi_members.incident_key
)

select
    inc.incident_key,
    inc.reporting_state,
    inc.reporting_agency,
    inc.period,
    inc.period_start,
    inc.period_end,
    inc.period_type,
    inc.incident_ref,
    inc.submission_id,
    inc.detection_date,
    detection_stage.code as detection_stage,
    case
        when inc.detection_country_raw is null then inc.reporting_state
        else coalesce(detection_country.iso3, 'XXX')
    end as detection_country,
    routes.origin_country,
    routes.destination_country,
    routes.route_key,
    routes.route_countries,
    routes.n_transit_countries,
    transport_mode.code as transport_mode,
    conveyance.code as conveyance,
    concealment.code as concealment,
    inc.migrants_total,
    inc.migrants_deceased,
    inc.migrants_missing,
    inc.migrants_injured,
    inc.unaccompanied_minors,
    inc.smugglers_detected,
    inc.fee_per_migrant,
    case when inc.fee_per_migrant is not null then inc.fee_currency end as fee_currency,
    case
        when inc.fee_currency = 'USD' then inc.fee_per_migrant
        else inc.fee_per_migrant / fx.lcu_per_usd
    end as fee_per_migrant_usd,
    coalesce(
        inc.fee_per_migrant is not null and inc.fee_currency != 'USD' and fx.lcu_per_usd is null,
        false
    ) as is_fee_rate_missing,
    fee_basis.code as fee_basis,
    payment_method.code as payment_method,
    payment_timing.code as payment_timing,
    multi.related_offences,
    multi.technology,
    multi.aggravating,
    (
        coalesce(len(list_filter(multi.aggravating, lambda a: a != 'none')) > 0, false)
        or coalesce(inc.migrants_deceased, 0) + coalesce(inc.migrants_missing, 0) > 0
    ) as is_aggravated,
    (
        coalesce(list_contains(multi.related_offences, 'trafficking_in_persons'), false)
        or coalesce(list_contains(multi.aggravating, 'exploitation'), false)
    ) as possible_trafficking,
    inc.benefit_required
from inc
left join described as routes on inc.incident_key = routes.incident_key
left join multi on inc.incident_key = multi.incident_key
left join fx on inc.fee_currency = fx.currency and year(inc.detection_date) = fx.year
left join countries as detection_country on inc.detection_country_raw = detection_country.value_raw
left join codes as detection_stage
    on detection_stage.codelist = 'detection_stage' and inc.detection_stage_raw = detection_stage.value_raw
left join codes as transport_mode
    on transport_mode.codelist = 'transport_mode' and inc.transport_mode_raw = transport_mode.value_raw
left join codes as conveyance
    on conveyance.codelist = 'conveyance' and inc.conveyance_raw = conveyance.value_raw
left join codes as concealment
    on concealment.codelist = 'concealment' and inc.concealment_raw = concealment.value_raw
left join codes as fee_basis
    on fee_basis.codelist = 'fee_basis' and inc.fee_basis_raw = fee_basis.value_raw
left join codes as payment_method
    on payment_method.codelist = 'payment_method' and inc.payment_method_raw = payment_method.value_raw
left join codes as payment_timing
    on payment_timing.codelist = 'payment_timing' and inc.payment_timing_raw = payment_timing.value_raw;

create or replace table byhand.mart_routes as
select
    reporting_state,
    period,
    period_start,
    period_end,
    period_type,
    route_key,
    transport_mode,
    any_value(origin_country) as origin_country,
    any_value(destination_country) as destination_country,
    any_value(n_transit_countries) as n_transit_countries,
    count(*) as incidents,
    sum(migrants_total)::bigint as migrants,
    sum(
        case
            when migrants_deceased is not null or migrants_missing is not null
                then coalesce(migrants_deceased, 0) + coalesce(migrants_missing, 0)
        end
    )::bigint as deceased_or_missing,
    median(fee_per_migrant_usd) as median_fee_usd,
    count(fee_per_migrant_usd) as fee_observations
from byhand.fct_incidents
group by reporting_state, period, period_start, period_end, period_type, route_key, transport_mode;

-- legs the state gave (route_legs) where it gave any, else consecutive route countries
create or replace table byhand.mart_route_legs as
with all_legs as (
    select
        legs.incident_key,
        coalesce(from_country.iso3, 'XXX') as from_country,
        coalesce(to_country.iso3, 'XXX') as to_country,
        transport_mode.code as transport_mode
    from legs
    left join countries as from_country on legs.from_country_raw = from_country.value_raw
    left join countries as to_country on legs.to_country_raw = to_country.value_raw
    left join codes as transport_mode
        on transport_mode.codelist = 'transport_mode' and legs.transport_mode_raw = transport_mode.value_raw

    union all

    select
        incident_key,
        route_countries[leg_seq] as from_country,
        route_countries[leg_seq + 1] as to_country,
        transport_mode
    from (
        select
            incident_key,
            route_countries,
            transport_mode,
            unnest(range(1, len(route_countries))) as leg_seq
        from byhand.fct_incidents
        where incident_key not in (select incident_key from legs)
    )
)

select
    f.reporting_state,
    f.period,
    f.period_start,
    f.period_end,
    f.period_type,
    all_legs.from_country,
    all_legs.to_country,
    all_legs.transport_mode,
    count(*) as incidents,
    sum(f.migrants_total)::bigint as migrants
from (
    -- an incident counts once per leg, even if its journey crosses the same leg twice
    select distinct incident_key, from_country, to_country,
        coalesce(transport_mode, 'unknown') as transport_mode
    from all_legs
) as all_legs
inner join byhand.fct_incidents as f on all_legs.incident_key = f.incident_key
group by all;

-- single-valued dimensions count each incident once ("unknown" when not reported),
-- multi-valued ones under each of its values
create or replace table byhand.mart_modus_operandi as
with f as (
    select
        reporting_state, period, period_start, period_end, period_type, incident_key,
        migrants_total, transport_mode, conveyance, concealment, payment_method, payment_timing,
        technology, related_offences, aggravating
    from byhand.fct_incidents
),

values_ as (
    select *, 'transport_mode' as dimension, coalesce(transport_mode, 'unknown') as value from f
    union all
    select *, 'conveyance', coalesce(conveyance, 'unknown') from f
    union all
    select *, 'concealment', coalesce(concealment, 'unknown') from f
    union all
    select *, 'payment_method', coalesce(payment_method, 'unknown') from f
    union all
    select *, 'payment_timing', coalesce(payment_timing, 'unknown') from f
    union all
    select *, 'technology', unnest(coalesce(technology, ['unknown'])) from f
    union all
    select *, 'related_offence', unnest(coalesce(related_offences, ['unknown'])) from f
    union all
    select *, 'aggravating', unnest(coalesce(aggravating, ['unknown'])) from f
)

select
    reporting_state,
    period,
    period_start,
    period_end,
    period_type,
    dimension,
    value,
    count(distinct incident_key) as incidents,
    sum(migrants_total)::bigint as migrants
from values_
group by reporting_state, period, period_start, period_end, period_type, dimension, value;

create or replace table byhand.mart_smuggler_profiles as
select
    smg.reporting_state,
    smg.period,
    smg.period_start,
    smg.period_end,
    smg.period_type,
    coalesce(citizenship.iso3, 'XXX') as citizenship,
    coalesce(sex.code, 'unknown') as sex,
    coalesce(ages.age_class, 'unknown') as age_class,
    coalesce(role.code, 'unknown') as role,
    coalesce(justice_stage.code, 'unknown') as justice_stage,
    coalesce(group_structure.code, 'unknown') as group_structure,
    sum(smg.persons)::bigint as persons,
    count(*) as source_rows
from smg
left join countries as citizenship on smg.citizenship_raw = citizenship.value_raw
left join codes as sex on sex.codelist = 'sex' and smg.sex_raw = sex.value_raw
left join codes as role on role.codelist = 'role' and smg.role_raw = role.value_raw
left join codes as justice_stage
    on justice_stage.codelist = 'justice_stage' and smg.justice_stage_raw = justice_stage.value_raw
left join codes as group_structure
    on group_structure.codelist = 'group_structure' and smg.group_structure_raw = group_structure.value_raw
left join ages on smg.age_group_raw = ages.value_raw
group by all;

create or replace table byhand.mart_migrant_profiles as
select
    mig.reporting_state,
    mig.period,
    mig.period_start,
    mig.period_end,
    mig.period_type,
    coalesce(citizenship.iso3, 'XXX') as citizenship,
    coalesce(sex.code, 'unknown') as sex,
    coalesce(ages.age_class, 'unknown') as age_class,
    coalesce(unaccompanied.code, 'unknown') as unaccompanied,
    sum(mig.persons)::bigint as persons,
    count(*) as source_rows
from mig
left join countries as citizenship on mig.citizenship_raw = citizenship.value_raw
left join codes as sex on sex.codelist = 'sex' and mig.sex_raw = sex.value_raw
left join codes as unaccompanied
    on unaccompanied.codelist = 'yes_no' and mig.unaccompanied_raw = unaccompanied.value_raw
left join ages on mig.age_group_raw = ages.value_raw
group by all;

-- a value suppressed by the state (obs_status Q) stays NULL and is flagged
create or replace table byhand.mart_border_events as
select
    bev.reporting_state,
    bev.period,
    bev.period_start,
    bev.period_end,
    bev.period_type,
    indicator.code as indicator,
    counting_unit.code as counting_unit,
    coalesce(border_type.code, 'unknown') as border_type,
    coalesce(detection_location.code, 'unknown') as detection_location,
    coalesce(citizenship.iso3, 'XXX') as citizenship,
    coalesce(sex.code, 'unknown') as sex,
    coalesce(ages.age_class, 'unknown') as age_class,
    sum(bev.value)::bigint as value,
    bool_or(coalesce(obs_status.code = 'Q', false)) as has_suppressed_values,
    count(*) as source_rows
from bev
left join codes as indicator on indicator.codelist = 'indicator' and bev.indicator_raw = indicator.value_raw
left join codes as counting_unit
    on counting_unit.codelist = 'counting_unit' and bev.counting_unit_raw = counting_unit.value_raw
left join codes as border_type
    on border_type.codelist = 'border_type' and bev.border_type_raw = border_type.value_raw
left join codes as detection_location
    on detection_location.codelist = 'detection_location'
    and bev.detection_location_raw = detection_location.value_raw
left join countries as citizenship on bev.citizenship_raw = citizenship.value_raw
left join codes as sex on sex.codelist = 'sex' and bev.sex_raw = sex.value_raw
left join codes as obs_status on obs_status.codelist = 'obs_status' and bev.obs_status_raw = obs_status.value_raw
left join ages on bev.age_group_raw = ages.value_raw
group by all;

-- a pseudo document has no issuing state: its issuing_country ("none") becomes XXX
create or replace table byhand.mart_fraudulent_documents as
select
    doc.reporting_state,
    doc.period,
    doc.period_start,
    doc.period_end,
    doc.period_type,
    document_type.code as document_type,
    fraud_type.code as fraud_type,
    coalesce(issuing_country.iso3, 'XXX') as issuing_country,
    coalesce(holder_citizenship.iso3, 'XXX') as holder_citizenship,
    coalesce(border_type.code, 'unknown') as border_type,
    sum(doc.documents)::bigint as documents,
    count(*) as source_rows
from doc
left join codes as document_type
    on document_type.codelist = 'document_type' and doc.document_type_raw = document_type.value_raw
left join codes as fraud_type on fraud_type.codelist = 'fraud_type' and doc.fraud_type_raw = fraud_type.value_raw
left join countries as issuing_country on doc.issuing_country_raw = issuing_country.value_raw
left join countries as holder_citizenship on doc.holder_citizenship_raw = holder_citizenship.value_raw
left join codes as border_type
    on border_type.codelist = 'border_type' and doc.border_type_raw = border_type.value_raw
group by all;

create or replace table byhand.mart_cooperation as
select
    coop.reporting_state,
    coop.period,
    coop.period_start,
    coop.period_end,
    coop.period_type,
    coalesce(counterpart_state.iso3, 'XXX') as counterpart_state,
    request_type.code as request_type,
    direction.code as direction,
    coalesce(outcome.code, 'unknown') as outcome,
    sum(coop.requests)::bigint as requests,
    count(*) as source_rows
from coop
left join countries as counterpart_state on coop.counterpart_state_raw = counterpart_state.value_raw
left join codes as request_type
    on request_type.codelist = 'request_type' and coop.request_type_raw = request_type.value_raw
left join codes as direction on direction.codelist = 'direction' and coop.direction_raw = direction.value_raw
left join codes as outcome on outcome.codelist = 'request_outcome' and coop.outcome_raw = outcome.value_raw
group by all;

create or replace table byhand.mart_reporting_coverage as
with tables_per_period as (
    select
        cur.reporting_state,
        cur.period,
        list(distinct t.table_name order by t.table_name) as tables_reported
    from cur
    inner join raw.submission_tables as t on cur.submission_id = t.submission_id
    group by all
),

versions_per_period as (
    select
        reporting_state,
        period,
        count(*) as packages_received,
        count(*) filter (where status != 'accepted') as packages_rejected,
        min(received_at) as first_received_at
    from raw.submissions
    where reporting_state is not null
    group by all
),

per_period as (
    select
        reporting_state,
        period,
        period_start,
        period_end,
        period_type,
        count(distinct agency_key) as agencies_reporting,
        count(*) as submissions_current,
        max(received_at) as last_received_at,
        sum(warning_count)::bigint as warnings
    from cur
    group by all
)

select
    per_period.reporting_state,
    per_period.period,
    per_period.period_start,
    per_period.period_end,
    per_period.period_type,
    per_period.agencies_reporting,
    per_period.submissions_current,
    versions_per_period.first_received_at,
    per_period.last_received_at,
    coalesce(tables_per_period.tables_reported, []::varchar[]) as tables_reported,
    per_period.warnings,
    versions_per_period.packages_received,
    versions_per_period.packages_rejected
from per_period
left join tables_per_period
    on per_period.reporting_state = tables_per_period.reporting_state
    and per_period.period = tables_per_period.period
left join versions_per_period
    on per_period.reporting_state = versions_per_period.reporting_state
    and per_period.period = versions_per_period.period;

commit;
