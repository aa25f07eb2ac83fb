{#- Every accepted spelling of every code: the code itself, its English, French and Spanish
    labels and its synonyms, normalised for matching. -#}
with

{% for codelist in var('codelists') %}
    {{ codelist }} as (
        select
            '{{ codelist }}' as codelist,
            code,
            unnest(
                [code, label_en, label_fr, label_es]
                || coalesce(string_split(synonyms, '|'), [])
            ) as term
        from {{ ref(codelist) }}
    ),

{% endfor %}

unioned as (
    {% for codelist in var('codelists') %}
        select * from {{ codelist }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

normalised as (
    select distinct
        codelist,
        code,
        {{ normalise_text('term') }} as term_norm
    from unioned
    where nullif(trim(term), '') is not null
)

select * from normalised
