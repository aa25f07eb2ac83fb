{#- Every value is a code of a code-list seed (or one of the explicit members in `also`, such
    as the "unmapped" and "unknown" members that every dimension carries). -#}
{% test values_in_codelist(model, column_name, codelist, also=[]) %}
    select {{ column_name }}
    from {{ model }}
    where
        {{ column_name }} is not null
        and {{ column_name }} not in (select code from {{ ref(codelist) }})
        {% if also %}
            and {{ column_name }} not in (
                {%- for value in also %}'{{ value }}'{% if not loop.last %}, {% endif %}{% endfor -%}
            )
        {% endif %}
{% endtest %}
