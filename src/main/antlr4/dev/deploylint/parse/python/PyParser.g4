/*
 * deploylint's Python 3 grammar: enough of the language to read Django settings, wsgi and
 * manage.py modules of every Django version, and to recover from what it cannot read.
 */
parser grammar PyParser;

options { tokenVocab = PyLexer; }

file_input : (NEWLINE | stmt)* EOF ;

stmt : compound_stmt | simple_stmts ;

simple_stmts : simple_stmt (SEMI simple_stmt)* SEMI? (NEWLINE | EOF) ;

simple_stmt
    : import_stmt
    | PASS
    | BREAK
    | CONTINUE
    | RETURN testlist_star_expr?
    | RAISE (test (FROM test)?)?
    | GLOBAL NAME (COMMA NAME)*
    | NONLOCAL NAME (COMMA NAME)*
    | DEL exprlist
    | ASSERT test (COMMA test)?
    | type_alias
    | yield_expr
    | expr_stmt
    ;

type_alias : {_input.LT(1).getText().equals("type") && _input.LA(2) == NAME}? NAME NAME type_params? ASSIGN test ;

expr_stmt
    : target=testlist_star_expr
      ( annassign
      | augassign (yield_expr | testlist_star_expr)
      | (ASSIGN (yield_expr | testlist_star_expr))*
      )
    ;

annassign : COLON test (ASSIGN (yield_expr | testlist_star_expr))? ;

augassign
    : ADD_ASSIGN | SUB_ASSIGN | MULT_ASSIGN | AT_ASSIGN | DIV_ASSIGN | MOD_ASSIGN | AND_ASSIGN
    | OR_ASSIGN | XOR_ASSIGN | LEFT_SHIFT_ASSIGN | RIGHT_SHIFT_ASSIGN | POWER_ASSIGN | IDIV_ASSIGN
    ;

import_stmt
    : IMPORT dotted_as_name (COMMA dotted_as_name)*
    | FROM dots+=(DOT | ELLIPSIS)* dotted_name IMPORT import_targets
    | FROM dots+=(DOT | ELLIPSIS)+ IMPORT import_targets
    ;

import_targets
    : STAR
    | OPEN_PAREN import_as_name (COMMA import_as_name)* COMMA? CLOSE_PAREN
    | import_as_name (COMMA import_as_name)*
    ;

import_as_name : NAME (AS NAME)? ;
dotted_as_name : dotted_name (AS NAME)? ;
dotted_name : NAME (DOT NAME)* ;

compound_stmt
    : if_stmt
    | while_stmt
    | for_stmt
    | try_stmt
    | with_stmt
    | funcdef
    | classdef
    | decorated
    | ASYNC (funcdef | with_stmt | for_stmt)
    | match_stmt
    ;

if_stmt : IF namedexpr_test COLON block elif_clause* (ELSE COLON else_block=block)? ;
elif_clause : ELIF namedexpr_test COLON block ;
while_stmt : WHILE namedexpr_test COLON block (ELSE COLON else_block=block)? ;
for_stmt : FOR exprlist IN testlist_star_expr COLON block (ELSE COLON else_block=block)? ;

try_stmt
    : TRY COLON block
      ( except_clause+ (ELSE COLON else_block=block)? (FINALLY COLON finally_block=block)?
      | FINALLY COLON finally_block=block
      )
    ;
except_clause : EXCEPT STAR? (test (AS NAME)?)? COLON block ;

with_stmt
    : WITH OPEN_PAREN with_item (COMMA with_item)* COMMA? CLOSE_PAREN COLON block
    | WITH with_item (COMMA with_item)* COLON block
    ;
with_item : test (AS expr)? ;

match_stmt
    : {_input.LT(1).getText().equals("match")}? NAME subject=testlist_star_expr COLON NEWLINE INDENT case_block+ DEDENT
    ;
case_block : {_input.LT(1).getText().equals("case")}? NAME pattern=testlist_star_expr (AS NAME)? (IF namedexpr_test)? COLON block ;

funcdef : DEF NAME type_params? OPEN_PAREN parameters? CLOSE_PAREN (ARROW test)? COLON block ;
parameters : parameter (COMMA parameter)* COMMA? ;
parameter
    : NAME (COLON test)? (ASSIGN test)?
    | STAR (NAME (COLON test)?)?
    | POWER NAME (COLON test)?
    | DIV
    ;

classdef : CLASS NAME type_params? (OPEN_PAREN arglist? CLOSE_PAREN)? COLON block ;
type_params : OPEN_BRACK type_param (COMMA type_param)* COMMA? CLOSE_BRACK ;
type_param : (STAR | POWER)? NAME (COLON test)? (ASSIGN test)? ;

decorated : decorator+ (classdef | funcdef | ASYNC funcdef) ;
decorator : AT namedexpr_test NEWLINE ;

block : simple_stmts | NEWLINE INDENT stmt+ DEDENT ;

// Expressions, lowest precedence first.

testlist_star_expr : (test | star_expr) (COMMA (test | star_expr))* trailing=COMMA? ;
testlist : test (COMMA test)* COMMA? ;
exprlist : (expr | star_expr) (COMMA (expr | star_expr))* COMMA? ;

namedexpr_test : test (WALRUS test)? ;

test
    : or_test (IF or_test ELSE test)?
    | lambdef
    ;
test_nocond : or_test | lambdef_nocond ;
lambdef : LAMBDA parameters? COLON test ;
lambdef_nocond : LAMBDA parameters? COLON test_nocond ;

or_test : and_test (OR and_test)* ;
and_test : not_test (AND not_test)* ;
not_test : NOT not_test | comparison ;
comparison : expr (comp_op expr)* ;
comp_op : LESS_THAN | GREATER_THAN | EQUALS | GT_EQ | LT_EQ | NOT_EQ_1 | NOT_EQ_2 | IN | NOT IN | IS | IS NOT ;
star_expr : STAR expr ;

expr
    : AWAIT? atom trailer*                                  # primary
    | <assoc=right> expr op=POWER expr                      # binary
    | op=(ADD | MINUS | NOT_OP) expr                        # unary
    | expr op=(STAR | AT | DIV | IDIV | MOD) expr           # binary
    | expr op=(ADD | MINUS) expr                            # binary
    | expr op=(LEFT_SHIFT | RIGHT_SHIFT) expr               # binary
    | expr op=AND_OP expr                                   # binary
    | expr op=XOR expr                                      # binary
    | expr op=OR_OP expr                                    # binary
    ;

atom
    : OPEN_PAREN (yield_expr | testlist_comp)? CLOSE_PAREN   # parens
    | OPEN_BRACK testlist_comp? CLOSE_BRACK                  # list
    | OPEN_BRACE dictorsetmaker? CLOSE_BRACE                 # braces
    | NAME                                                   # name
    | NUMBER                                                 # number
    | STRING+                                                # strings
    | ELLIPSIS                                               # ellipsis
    | (NONE | TRUE | FALSE)                                  # constant
    ;

testlist_comp
    : (namedexpr_test | star_expr) ( comp_for | (COMMA (namedexpr_test | star_expr))* trailing=COMMA? )
    ;

trailer
    : OPEN_PAREN arglist? CLOSE_PAREN       # call
    | OPEN_BRACK subscriptlist CLOSE_BRACK  # index
    | DOT NAME                              # attribute
    ;

subscriptlist : subscript (COMMA subscript)* trailing=COMMA? ;
subscript : test | star_expr | test? COLON test? (COLON test?)? ;

dictorsetmaker
    : dict_entry (comp_for | (COMMA dict_entry)* COMMA?)                           # dict
    | (test | star_expr) (comp_for | (COMMA (test | star_expr))* COMMA?)           # set
    ;
dict_entry : test COLON test | POWER expr ;

arglist : argument (COMMA argument)* COMMA? ;
argument
    : NAME ASSIGN test
    | test comp_for?
    | test WALRUS test
    | POWER test
    | STAR test
    ;

comp_for : ASYNC? FOR exprlist IN or_test comp_iter? ;
comp_iter : comp_for | IF test_nocond comp_iter? ;

yield_expr : YIELD (FROM test | testlist_star_expr)? ;
