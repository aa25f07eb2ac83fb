{#- Typed readings of values as submitted, the SQL twins of contracts.values. Only accepted
    packages reach the warehouse, so these succeed wherever the contracts demanded a value.
    Each takes a value already passed through clean_text. -#}

{#- Blank = not reported: surrounding white space (Unicode, as the contracts strip it) goes
    and an empty value is NULL. -#}
{% macro clean_text(expr) -%}
    nullif(regexp_replace({{ expr }}, '^[\s\p{Z}]+|[\s\p{Z}]+$', '', 'g'), '')
{%- endmacro %}

{#- A plain decimal number: digits, one decimal separator, optional exponent. With decimal
    commas (";"-separated CSV) a dot can only be a thousands separator, so it is refused. -#}
{% macro parse_number(expr, decimal_comma) -%}
    case
        when {{ decimal_comma }} and contains({{ expr }}, '.') then null
        when regexp_full_match(
            case when {{ decimal_comma }} then replace({{ expr }}, ',', '.') else {{ expr }} end,
            '(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?'
        )
            then try_cast(
                case when {{ decimal_comma }} then replace({{ expr }}, ',', '.') else {{ expr }} end
                as double
            )
    end
{%- endmacro %}

{#- A whole number >= 0, at most 2^53 as the contracts accept it. -#}
{% macro parse_count(expr, decimal_comma) -%}
    case
        when
            {{ parse_number(expr, decimal_comma) }} = floor({{ parse_number(expr, decimal_comma) }})
            and {{ parse_number(expr, decimal_comma) }} <= 9007199254740992
            then cast({{ parse_number(expr, decimal_comma) }} as bigint)
    end
{%- endmacro %}

{#- ISO dates always; otherwise the package's declared format, whose year has four digits or
    two. A two-digit year is read in the century that puts it nearest the package's period
    year (a tie, 50 years either way, goes to the earlier): 02/24/19 is 2019-02-24 in a 2024
    package. A time part (Excel datetimes) is dropped. The same reading as
    contracts.values.date_value, so the published date is the one the validator accepted. -#}
{% macro parse_date(expr, date_format, period_year) -%}
    {%- set day = "regexp_replace(" ~ expr ~ ", '[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?$', '')" -%}
    {%- set behind = "((" ~ period_year ~ " - try_cast(right(" ~ day ~ ", 2) as integer)) % 100)" -%}
    {#- 02/24/19 -> 02/24/2019: the declared format then reads it as any other date. -#}
    {%- set four_digit_year -%}
        case
            when regexp_matches({{ day }}, '/\d{2}$')
                then left({{ day }}, -2)
                || cast({{ period_year }} - {{ behind }} + case when {{ behind }} > 50 then 100 else 0 end as varchar)
            else {{ day }}
        end
    {%- endset -%}
    {#- The shapes are anchored as contracts.values.ISO_DATE and DAY_MONTH_DATE are: a sign or
        a year of another length is no date on either side. -#}
    cast(coalesce(
        case when regexp_full_match({{ day }}, '\d{4}-\d{1,2}-\d{1,2}')
            then try_strptime({{ day }}, '%Y-%m-%d')
        end,
        case when regexp_full_match({{ four_digit_year }}, '\d{1,2}/\d{1,2}/\d{4}')
            then case {{ date_format }}
                when 'DD/MM/YYYY' then try_strptime({{ four_digit_year }}, '%d/%m/%Y')
                when 'MM/DD/YYYY' then try_strptime({{ four_digit_year }}, '%m/%d/%Y')
            end
        end
    ) as date)
{%- endmacro %}
