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

{#- ISO dates always; otherwise the package's declared format. A time part (Excel
    datetimes) is dropped. -#}
{% macro parse_date(expr, date_format) -%}
    {%- set day = "regexp_replace(" ~ expr ~ ", '[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?$', '')" -%}
    cast(coalesce(
        try_strptime({{ day }}, '%Y-%m-%d'),
        case {{ date_format }}
            when 'DD/MM/YYYY' then try_strptime({{ day }}, '%d/%m/%Y')
            when 'MM/DD/YYYY' then try_strptime({{ day }}, '%m/%d/%Y')
        end
    ) as date)
{%- endmacro %}
