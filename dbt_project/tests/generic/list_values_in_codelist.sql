{#- Every member of a list column is a code of a code-list seed (or one of `also`). -#}
{% test list_values_in_codelist(model, column_name, codelist, also=[]) %}
    with members as (
        select unnest({{ column_name }}) as member
        from {{ model }}
    )

    select member
    from members
    where
        member not in (select code from {{ ref(codelist) }})
        {% if also %}
            and member not in (
                {%- for value in also %}'{{ value }}'{% if not loop.last %}, {% endif %}{% endfor -%}
            )
        {% endif %}
{% endtest %}
